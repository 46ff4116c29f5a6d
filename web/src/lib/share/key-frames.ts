import type { StoryboardCue } from '../player/storyboard.ts';

/** A handout shows at most this many frames: one short row or two, under the title. */
const MOST = 6;

/**
 * The frames a printed page shows of a film: up to six tiles of its storyboard, spread evenly from the first to
 * the last. None when the storyboard has fewer than two (a very short film): one frame says less than the poster.
 */
export function keyFrames(cues: StoryboardCue[]): StoryboardCue[] {
  if (cues.length < 2) return [];
  if (cues.length <= MOST) return cues;
  return Array.from(
    { length: MOST },
    (_, i) => cues[Math.round((i * (cues.length - 1)) / (MOST - 1))] as StoryboardCue,
  );
}
