// What one item of an exhibition (and next session, of a lesson) may show: decisions only, no I/O. An item is
// seen by visitors only when its artifact is published and has a film on show whose length holds the excerpt.
import { EXCERPT_MIN_SEC, type ExcerptProblem, excerptProblem } from '@artifact-stories/contracts/excerpt';
import type { PublicVideo } from '@artifact-stories/contracts/schemas';
import type { Texts } from '../../errors/localized.ts';
import type { ArtifactRecord } from '../../repositories/artifacts.repository.ts';

export interface ItemRange {
  startSec: number | null;
  endSec: number | null;
}

const range = (item: ItemRange) => ({
  ...(item.startSec !== null && { start: item.startSec }),
  ...(item.endSec !== null && { end: item.endSec }),
});

/**
 * The film an item plays, or undefined when visitors must not see the item: a draft (or deleted) artifact,
 * no ready film, or an excerpt the film on show no longer holds (a shorter new version).
 */
export function shownVideo(
  item: ItemRange,
  artifact: Pick<ArtifactRecord, 'status'> | undefined,
  video: PublicVideo | null,
): PublicVideo | undefined {
  if (artifact?.status !== 'published' || !video) return undefined;
  return excerptProblem(range(item), video.durationSec) ? undefined : video;
}

/** Seconds an item plays for. */
export function playedSec(item: ItemRange, durationSec: number): number {
  return (item.endSec ?? durationSec) - (item.startSec ?? 0);
}

/** What is wrong with an excerpt, judged against the film's length when it has one yet (else all but "beyond"). */
export function rangeProblem(item: ItemRange, durationSec: number | null): ExcerptProblem | undefined {
  return excerptProblem(range(item), durationSec ?? Number.POSITIVE_INFINITY);
}

/** A problem in words, for the staff member who typed the times. */
export function rangeProblemTexts(problem: ExcerptProblem, n: number, durationSec: number | null): Texts {
  const len = durationSec === null ? '' : ` (${Math.floor(durationSec)} s)`;
  const vi = {
    negative: 'thời điểm không được âm',
    'end-before-start': 'điểm kết thúc phải sau điểm bắt đầu',
    'too-short': `đoạn trích phải dài ít nhất ${EXCERPT_MIN_SEC} giây`,
    'beyond-end': `đoạn trích vượt quá độ dài của phim${len}`,
  }[problem];
  const en = {
    negative: 'times cannot be negative',
    'end-before-start': 'the end must come after the start',
    'too-short': `an excerpt must last at least ${EXCERPT_MIN_SEC} seconds`,
    'beyond-end': `the excerpt goes past the end of the film${len}`,
  }[problem];
  return {
    vi: `Mục ${n}: ${vi}. Hãy sửa thời điểm bắt đầu và kết thúc, hoặc để trống cả hai để chiếu cả phim.`,
    en: `Item ${n}: ${en}. Correct the start and end, or leave both empty to play the whole film.`,
  };
}
