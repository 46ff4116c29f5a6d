// Playback health, measured where it happens: watches the <video> element (and what the engine signals on it),
// and sends what it saw with navigator.sendBeacon when the clip ends, the page is hidden or the player goes.
// One small JSON text per report; no cookie (sendBeacon to our own origin carries none we set), no identifier.
import type { PlaybackErrorCode, PublicVideo } from '@artifact-stories/contracts/schemas';
import { clipOf, networkClass, PlaybackSession, rungsOf } from './health-report.ts';
import { linkHints } from './link.ts';
import { rungOf } from './tracks.ts';

const ENDPOINT = '/api/playback-reports';

/** Events the engine dispatches on the <video> element for the collector (no other coupling between them). */
const BANDWIDTH_EVENT = 'player:bandwidth';
const FATAL_EVENT = 'player:fatal';

/** The engine measured the link (bits per second) on a segment of the film. */
export function signalBandwidth(el: HTMLVideoElement, bps: number): void {
  el.dispatchEvent(new CustomEvent(BANDWIDTH_EVENT, { detail: bps }));
}

/** The engine gave up: a short code, never its message (which may hold URLs). */
export function signalFatal(el: HTMLVideoElement, code: PlaybackErrorCode): void {
  el.dispatchEvent(new CustomEvent(FATAL_EVENT, { detail: code }));
}

/** Starts watching; returns the function that sends what is left and stops. */
export function watchHealth(el: HTMLVideoElement, video: PublicVideo): () => void {
  const clip = clipOf(video);
  if (!clip || typeof navigator.sendBeacon !== 'function') return () => {};
  const session = new PlaybackSession(rungsOf(video));
  const now = () => performance.now();
  let measuredBps: number | undefined;

  const send = () => {
    const body = session.take(now());
    if (!body) return;
    const report = { ...clip, network: networkClass(measuredBps, linkHints()), ...body };
    // A string goes as text/plain: no CORS preflight, which browsers do not make for beacons.
    navigator.sendBeacon(ENDPOINT, JSON.stringify(report));
  };

  const onFrame = () => session.firstFrame(now());
  const on: Record<string, (event: Event) => void> = {
    play: () => {
      session.tap(now());
      // The poster goes when a frame is painted; without requestVideoFrameCallback, at the first time update.
      if ('requestVideoFrameCallback' in el) el.requestVideoFrameCallback(onFrame);
    },
    timeupdate: () => {
      if (!el.paused && el.currentTime > 0 && !('requestVideoFrameCallback' in el)) onFrame();
      if (!el.seeking) session.progress(el.currentTime, rungOf(el.videoWidth, el.videoHeight));
    },
    waiting: () => session.waiting(now(), el.seeking),
    playing: () => session.resumed(now()),
    pause: () => session.resumed(now()),
    seeking: () => session.resumed(now()),
    seeked: () => session.seeked(el.currentTime),
    error: () => session.error('media'),
    ended: send,
    [BANDWIDTH_EVENT]: (e) => (measuredBps = (e as CustomEvent<number>).detail),
    [FATAL_EVENT]: (e) => {
      session.error((e as CustomEvent<PlaybackErrorCode>).detail);
      send();
    },
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') send();
  };
  for (const [type, listener] of Object.entries(on)) el.addEventListener(type, listener);
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', send);
  return () => {
    send();
    for (const [type, listener] of Object.entries(on)) el.removeEventListener(type, listener);
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', send);
  };
}
