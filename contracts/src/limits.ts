// Limits that more than one workspace enforces or shows: the api validates with them, the web's form and
// upload check them before sending, the pipeline refuses past them.

/** Captions for a short clip are a few KiB; anything near this is the wrong file. */
export const MAX_CAPTION_BYTES = 1024 ** 2;

// Lengths in characters of what staff write about an artifact, and of a search. One constant each (not one
// object) so that a web page bundles only the ones it uses.
export const TITLE_MAX_LENGTH = 200;
export const ACCESSION_NUMBER_MAX_LENGTH = 60;
export const STORY_MAX_LENGTH = 20_000;
/** Material and region. */
export const SHORT_TEXT_MAX_LENGTH = 200;
/** An ethnic group's description on its page, per language: a few paragraphs. */
export const GROUP_DESCRIPTION_MAX_LENGTH = 5000;
/** A search or a staff list's filter. */
export const QUERY_MAX_LENGTH = 200;

/**
 * Seconds of film per HLS segment: the pipeline cuts every rung at it, the player plans its first download
 * with it (a start rung is one whose first segment arrives quickly, see web/src/lib/player/start-rung.ts).
 */
export const HLS_SEGMENT_SEC = 4;

/** Gallery labels on one printed sheet request. */
export const MAX_LABELS = 100;

/** An artifact belongs to at least one ethnic group and at most this many. */
export const MAX_ETHNIC_GROUPS = 10;

/**
 * Every number a client sends is bounded: an unbounded page (page=99999999999999999999) would reach SQLite as an
 * offset it cannot bind and answer 500. A page beyond the last is simply empty; beyond PAGE_MAX it is a 400
 * naming the parameter. PAGE_MAX × the largest page size stays far inside what OFFSET accepts.
 */
export const PAGE_MAX = 10_000;

/** Search pages: relevance beyond a thousand pages means nothing. */
export const SEARCH_PAGE_MAX = 1000;

/** Database row ids (artifacts, jobs): SQLite integers, far below this bound in any museum's lifetime. */
export const ID_MAX = 2_147_483_647;

// Page sizes of each list: what a client gets without asking, and the most it may ask for.
export const ARTIFACTS_PAGE = { default: 24, maximum: 100 } as const;
export const SEARCH_PAGE = { default: 20, maximum: 50 } as const;
export const STAFF_ARTIFACTS_PAGE = { default: 50, maximum: 100 } as const;
export const JOBS_PAGE = { default: 50, maximum: 100 } as const;

// A playback health report (contracts/src/schemas/playback.ts): the player keeps within these, the api refuses
// past them. A report is a few hundred bytes.
/** The most one report may claim in milliseconds: an hour of a clip a few minutes long is many replays. */
export const REPORT_MAX_MS = 3_600_000;
/** Tap → first frame beyond ten minutes is a visitor who left the tab, not a start time. */
export const REPORT_MAX_START_MS = 600_000;
export const REPORT_MAX_STALLS = 1000;
export const REPORT_MAX_RUNGS = 12;
export const REPORT_MAX_BYTES = 4096;

// Chapters of a clip (contracts/src/chapters.ts): a few marks a visitor can scan in a menu.
export const CHAPTERS_MAX = 30;
export const CHAPTER_TITLE_MAX_LENGTH = 120;

// A teacher's lesson (contracts/src/schemas/lessons.ts): made without an account, so every size is bounded and
// the api refuses past it with words; the builder shows the same numbers before sending.
/** Items in one lesson: a class period holds a handful of films, not a catalogue. */
export const LESSON_ITEMS_MAX = 30;
export const LESSON_TITLE_MAX_LENGTH = 120;
export const LESSON_TEACHER_MAX_LENGTH = 80;
/** A teacher's question or note under one item. */
export const LESSON_NOTE_MAX_LENGTH = 1000;
/** A lesson nobody has opened for this many days is deleted (its code then names nothing). */
export const LESSON_EXPIRY_DAYS = 180;
// Exhibitions (contracts/src/schemas/exhibitions.ts): a visit of a few minutes, not a catalogue dump.
export const EXHIBITION_ITEMS_MAX = 40;
/** What staff write beside one item of an exhibition. */
export const EXHIBITION_ITEM_TEXT_MAX_LENGTH = 2000;
