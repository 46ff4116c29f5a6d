// An item of an exhibition (staff) or a lesson (a teacher): a whole film, or an excerpt of it. One rule for
// both, so the staff editor, the teacher's builder and the api agree on what a valid excerpt is.

/** A part of a clip, in seconds from its start; both ends absent means the whole film. */
export interface ExcerptRange {
  start?: number;
  end?: number;
}

/** Shorter than this, an excerpt is a mis-click rather than something to watch. */
export const EXCERPT_MIN_SEC = 2;

/** What is wrong with an excerpt, as a code the caller turns into words (vi/en) for its own form or error. */
export type ExcerptProblem = 'negative' | 'end-before-start' | 'too-short' | 'beyond-end';

/**
 * Why this range cannot be played from a film of `durationSec`, or undefined when it can. A range that ends at
 * the film's end (or past it by less than a second, from rounding) is fine; an end absent means "to the end".
 */
export function excerptProblem(range: ExcerptRange, durationSec: number): ExcerptProblem | undefined {
  const start = range.start ?? 0;
  const end = range.end ?? durationSec;
  if (start < 0 || end < 0) return 'negative';
  if (start >= durationSec || end > durationSec + 1) return 'beyond-end';
  if (end <= start) return 'end-before-start';
  if (end - start < EXCERPT_MIN_SEC) return 'too-short';
  return undefined;
}
