// What the visitor sees, measured inside the page: when they tapped, when the first frame was painted, and
// every stall after it. Times are wall-clock milliseconds (performance.timeOrigin + performance.now()), the
// clock recordRequests() stamps requests with, so bytes can be counted up to any of these moments.
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface PlaybackProbe {
  /** The player's play button first in the page and visible (before the harness could tap it). */
  playShownAt: number | null;
  tapAt: number | null;
  /** The first frame presented after the tap while the video plays (requestVideoFrameCallback). */
  firstFrameAt: number | null;
  /** `waiting` after the first frame, until the next `playing` (end null while still waiting). */
  stalls: { start: number; end: number | null }[];
  mediaTime: number;
  ended: boolean;
}

/** Installs the probe in every document the page opens (network-probe.page.js, as it is). */
export const addPlaybackProbe = (page: Page) =>
  page.addInitScript({ path: join(import.meta.dirname, 'network-probe.page.js') });

export const readProbe = (page: Page) =>
  page.evaluate(() => (window as unknown as { playbackProbe: PlaybackProbe }).playbackProbe);

/** Resolves once the probe agrees with `done` (polled; the page does the timing, not this loop). */
export async function waitForProbe(
  page: Page,
  done: (p: PlaybackProbe) => boolean,
  timeoutMs: number,
): Promise<PlaybackProbe> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const probe = await readProbe(page);
    if (done(probe) || Date.now() > deadline) return probe;
    await new Promise((r) => setTimeout(r, 100));
  }
}
