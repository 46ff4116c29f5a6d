// A handle on the page's hls.js, for tests that must drive the engine rather than wait for its own choices.
// The app exposes none (production code carries no test hooks), and hls.js lives in a closure of a lazy
// chunk. What every hls.js controller does is bind its tick to itself (TaskLoop's `this.tick.bind(this)`), so
// an init script that watches Function.prototype.bind sees each controller, and each controller holds its
// `hls`. hls.js's own public API (levels, loadLevel, on) does the rest.
import type { JSHandle, Page } from 'playwright-core';

/** The few members of an Hls instance the tests use: its public API. */
export interface HlsLike {
  levels: { bitrate: number; height: number }[];
  loadLevel: number;
  media: HTMLMediaElement | null;
  on(event: string, listener: (event: string, data: unknown) => void): void;
}

/** Name of the page global the init script keeps the bound receivers in. */
const SEEN = '__boundReceivers';

/** Call before the page's first navigation: from then on the page's hls.js controllers are remembered. */
export async function watchHls(page: Page): Promise<void> {
  await page.addInitScript((seen: string) => {
    const receivers = new Set<object>();
    Object.defineProperty(window, seen, { value: receivers });
    const bind = Function.prototype.bind;
    Function.prototype.bind = function (this: () => unknown, thisArg: unknown, ...args: unknown[]) {
      if (thisArg && typeof thisArg === 'object') receivers.add(thisArg);
      return bind.call(this, thisArg, ...args);
    } as typeof bind;
  }, SEEN);
}

/**
 * The hls.js instance attached to the page's <video> (the live one: an engine the player replaced has let go
 * of it), as a handle to evaluate on. Throws when there is none, so that a test never passes without it.
 */
export function hlsOf(page: Page): Promise<JSHandle<HlsLike>> {
  return page.evaluateHandle((seen) => {
    const receivers = (window as unknown as Record<string, Set<{ hls?: HlsLike | null }> | undefined>)[seen];
    const video = document.querySelector('video');
    const hls = [...(receivers ?? [])].map((r) => r.hls).find((h) => h?.media && h.media === video);
    if (!hls)
      throw new Error('no hls.js instance holds the <video>: was watchHls() called before navigating?');
    return hls;
  }, SEEN);
}
