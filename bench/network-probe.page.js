// Runs in the artifact page before its own scripts (page.addInitScript). Plain JavaScript read from this file
// on purpose: a function handed over from TypeScript arrives with tsx's __name() helper calls in it, which the
// page does not have. Fills window.playbackProbe (the PlaybackProbe type in network-probe.ts).
(() => {
  const probe = {
    playShownAt: null,
    tapAt: null,
    firstFrameAt: null,
    stalls: [],
    mediaTime: 0,
    ended: false,
  };
  window.playbackProbe = probe;
  const now = () => performance.timeOrigin + performance.now();
  for (const type of ['pointerdown', 'touchstart']) {
    addEventListener(
      type,
      () => {
        probe.tapAt ??= now();
      },
      { capture: true },
    );
  }

  const watched = new WeakSet();
  const watch = (video) => {
    if (watched.has(video)) return;
    watched.add(video);
    // A paused player may paint its first frame under the poster before anyone taps: that one does not count.
    const onFrame = (at) => {
      if (probe.firstFrameAt !== null) return;
      if (probe.tapAt !== null && !video.paused) probe.firstFrameAt = performance.timeOrigin + at;
      else video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
    video.addEventListener('waiting', () => {
      const last = probe.stalls.at(-1);
      if (probe.firstFrameAt !== null && (!last || last.end !== null))
        probe.stalls.push({ start: now(), end: null });
    });
    video.addEventListener('playing', () => {
      const last = probe.stalls.at(-1);
      if (last && last.end === null) last.end = now();
    });
    video.addEventListener('timeupdate', () => {
      probe.mediaTime = video.currentTime;
    });
    video.addEventListener('ended', () => {
      probe.ended = true;
    });
  };
  // The moment the page offers play: what a tap "at once" could hit first. The harness's own tap comes later
  // (Playwright polls for the button, then checks it is visible, stable and unobscured).
  const playShown = () => {
    if (probe.playShownAt !== null) return;
    for (const button of document.querySelectorAll('.player button[aria-label]')) {
      if (/^(Phát|Play)$/.test(button.getAttribute('aria-label')) && button.checkVisibility()) {
        probe.playShownAt = now();
        return;
      }
    }
  };
  // The player may create its <video> only when asked to play.
  new MutationObserver(() => {
    for (const video of document.querySelectorAll('video')) watch(video);
    playShown();
  }).observe(document, { childList: true, subtree: true });
})();
