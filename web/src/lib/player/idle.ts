// Code the visitor will need once they tap, fetched while they read: after the poster (what they look at
// first, sharing the same slow link) and when the page has nothing better to do, or at once on a fast link.
import { linkHints } from './link.ts';
import { estimateBps } from './start-rung.ts';

/**
 * A link on which the player code (~110 KB, fetched on every visit to a film anyway) takes under a second:
 * there it need not wait for the poster, which it slows by a fraction of that (0.25 s at 1 Mbit/s, less above),
 * and a visitor who taps at once does not wait for it (measured on loopback: ~0.25 s for the code, then ~0.15 s
 * for hls.js to start). What the browser says of the link decides (Network Information API: Chromium says
 * 1.4–1.6 Mbit/s before it has measured anything, ~0.4 on slow 3G; an earlier page's measurement); with nothing
 * known the estimate is 450 kbit/s, so Safari, Firefox and slow links keep the patient order.
 */
const FAST_LINK_BPS = 1_000_000;

/** Whether the link is fast enough for the player code not to wait for anything (see FAST_LINK_BPS). */
export const onFastLink = () => estimateBps(linkHints()) >= FAST_LINK_BPS;

/**
 * Runs `work` once `img` has loaded or failed and the main thread is idle, or now on a fast link; returns a
 * cancel.
 */
export function whileReading(img: HTMLImageElement | null | undefined, work: () => void): () => void {
  let cancelled = false;
  let cancelIdle = () => {};
  if (onFastLink()) {
    queueMicrotask(() => cancelled || work());
    return () => {
      cancelled = true;
    };
  }
  const idle = () => {
    if (cancelled) return;
    if ('requestIdleCallback' in window) {
      // The timeout: a page busy for seconds still gets its player code before the visitor is done reading.
      const id = requestIdleCallback(work, { timeout: 2000 });
      cancelIdle = () => cancelIdleCallback(id);
    } else {
      // Safari has no requestIdleCallback: a short delay lets the page finish what it is painting.
      const id = setTimeout(work, 200);
      cancelIdle = () => clearTimeout(id);
    }
  };
  if (!img || img.complete) idle();
  else {
    img.addEventListener('load', idle, { once: true });
    img.addEventListener('error', idle, { once: true });
  }
  return () => {
    cancelled = true;
    cancelIdle();
  };
}
