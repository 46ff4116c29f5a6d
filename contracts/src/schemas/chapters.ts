import { type Static, Type } from 'typebox';
import { CHAPTER_TITLE_MAX_LENGTH } from '../limits.ts';
import { Localized } from './common.ts';

/**
 * A chapter as staff write it: where it starts and what it is called. The Vietnamese title is required;
 * order, range and unique starts are checked by chapterProblem (contracts/src/chapters.ts), which knows the clip.
 */
export const ChapterInput = Type.Object({
  startSec: Type.Number({ minimum: 0, maximum: 86_400 }),
  title: Type.Object({
    vi: Type.String({ maxLength: CHAPTER_TITLE_MAX_LENGTH }),
    en: Type.String({ maxLength: CHAPTER_TITLE_MAX_LENGTH }),
  }),
});
export type ChapterInput = Static<typeof ChapterInput>;

export const ChaptersBody = Type.Object({
  chapters: Type.Array(ChapterInput, {
    // A bound against abuse only: past CHAPTERS_MAX, chapterProblem explains the limit in words.
    maxItems: 100,
  }),
});
export type ChaptersBody = Static<typeof ChaptersBody>;

/** What the public sees: sorted by start, each ending where the next starts (the last at the clip's end). */
export const Chapter = Type.Object({
  startSec: Type.Number(),
  endSec: Type.Number(),
  title: Localized,
});
export type Chapter = Static<typeof Chapter>;

/** The chapters of an artifact as staff edit them, with the length of the film on show they must fit in. */
export const StaffChapters = Type.Object({
  chapters: Type.Array(ChapterInput),
  durationSec: Type.Union([Type.Number(), Type.Null()], {
    description: 'Length of the film on show (null without one): every start must be below it',
  }),
});
export type StaffChapters = Static<typeof StaffChapters>;
