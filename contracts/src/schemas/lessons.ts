import { type Static, Type } from 'typebox';
import {
  LESSON_ITEMS_MAX,
  LESSON_NOTE_MAX_LENGTH,
  LESSON_TEACHER_MAX_LENGTH,
  LESSON_TITLE_MAX_LENGTH,
} from '../limits.ts';
import { ArtifactSummary, PublicVideo } from './artifacts.ts';
import { Lang, Slug } from './common.ts';

// A teacher's lesson: an ordered list of films or excerpts, each with the teacher's own question or note.
// Texts are plain and in one language (the teacher's); the api counts lengths and items and explains any
// excess in words (LocalizedError), so the schema's own bounds are only a guard against abuse.

const ABUSE_GUARD = 4;

/**
 * A time in seconds, or null (from the start / to the end). One JSON-Schema type list, not a union: the api coerces
 * types, and in a union Ajv coerces null to 0 in the number branch first, so "to the end" became "ends at 0".
 */
const SecondsOrNull = Type.Unsafe<number | null>({ type: ['number', 'null'], minimum: 0, maximum: 86_400 });

export const LessonItemInput = Type.Object({
  artifact: Slug,
  start: Type.Optional(SecondsOrNull),
  end: Type.Optional(SecondsOrNull),
  note: Type.String({ default: '', maxLength: LESSON_NOTE_MAX_LENGTH * ABUSE_GUARD }),
});
export type LessonItemInput = Static<typeof LessonItemInput>;

export const LessonInput = Type.Object({
  title: Type.String({ maxLength: LESSON_TITLE_MAX_LENGTH * ABUSE_GUARD }),
  teacherName: Type.String({ default: '', maxLength: LESSON_TEACHER_MAX_LENGTH * ABUSE_GUARD }),
  lang: Lang,
  items: Type.Array(LessonItemInput, { maxItems: LESSON_ITEMS_MAX * ABUSE_GUARD }),
});
export type LessonInput = Static<typeof LessonInput>;

/** One item as pupils see it: the film's card and the film itself (played in the lesson), the part to play (null = from the start / to the end), the note. */
export const LessonItem = Type.Object({
  artifact: ArtifactSummary,
  video: PublicVideo,
  start: Type.Union([Type.Number(), Type.Null()]),
  end: Type.Union([Type.Number(), Type.Null()]),
  note: Type.String({ description: "The teacher's own words: plain text, never the museum's" }),
});
export type LessonItem = Static<typeof LessonItem>;

/**
 * A lesson as pupils see it, in the order to play: only items whose artifact is still published (the others
 * are left out, and counted in `hiddenItems` for the teacher's editor).
 */
export const PublicLesson = Type.Object({
  code: Type.String({ description: 'Six characters of LESSON_CODE_ALPHABET (contracts/src/lesson-code.ts)' }),
  title: Type.String(),
  teacherName: Type.String(),
  lang: Lang,
  items: Type.Array(LessonItem),
  hiddenItems: Type.Integer({ description: 'Items left out because their film is no longer published' }),
  expiresAt: Type.String({ format: 'date-time', description: 'Deleted then unless opened before' }),
});
export type PublicLesson = Static<typeof PublicLesson>;

/** What saving a new lesson gives the teacher, once: the edit token is never shown again. */
export const CreatedLesson = Type.Object({
  lesson: PublicLesson,
  editToken: Type.String({ description: 'Keep it private: it lets whoever holds it change the lesson' }),
});
export type CreatedLesson = Static<typeof CreatedLesson>;

export const LessonCodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 20 }) });

export const LessonItemParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 20 }),
  position: Type.Integer({ minimum: 1, maximum: LESSON_ITEMS_MAX }),
});

/** A lesson as staff see it when they look it up by code, taken down or not. */
export const StaffLesson = Type.Object({
  code: Type.String(),
  title: Type.String(),
  teacherName: Type.String(),
  lang: Lang,
  itemCount: Type.Integer(),
  notes: Type.Array(Type.String(), { description: "Every item's note, so staff can judge the text" }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  lastOpenedAt: Type.String({ format: 'date-time' }),
  takenDownAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type StaffLesson = Static<typeof StaffLesson>;
