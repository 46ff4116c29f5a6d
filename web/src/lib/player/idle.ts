// Code the visitor will need once they tap, fetched while they read: after the poster (what they look at
// first, sharing the same slow link) and when the page has nothing better to do.

/** Runs `work` once `img` has loaded or failed and the main thread is idle; returns a cancel. */
export function whileReading(img: HTMLImageElement | null | undefined, work: () => void): () => void {
  let cancelled = false;
  let cancelIdle = () => {};
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
