import type { Chapter } from '@artifact-stories/contracts/schemas';

/** The chapter playing at `time` (chapters sorted by start, as the api sends them); none before the first. */
export function chapterAt(chapters: readonly Chapter[], time: number): Chapter | undefined {
  let found: Chapter | undefined;
  for (const c of chapters) {
    if (c.startSec > time) break;
    found = c;
  }
  return found;
}
