import type { PublicVideo } from '@artifact-stories/contracts/schemas';
import { isSaved } from '../offline/store.ts';
import type { DataChoice } from './data-saver.ts';
import { signalBandwidth, signalFatal } from './health.ts';
import { errorCodeOf } from './health-report.ts';
import { browserStore, linkHints, rememberBandwidth } from './link.ts';
import { chooseStartRung, estimateBps } from './start-rung.ts';
import { rungOf } from './tracks.ts';

/** A quality the viewer can pick; `index` is the engine's own level number. */
interface Quality {
  index: number;
  height: number;
  /** The rung's name as the api and CLI give it: the short side, so a 720×1280 portrait rung is "720p". */
  rung: number;
  bitrate: number;
}

/** What the player needs from whatever plays the stream, hls.js or the browser itself. */
export interface Engine {
  kind: 'hls.js' | 'native';
  qualities: Quality[];
  /**
   * Starts fetching the film. Until then nothing but the master playlist has been fetched: a visitor who only
   * reads the story spends no data on it. `startAt` (seconds): where to resume after the data choice changed.
   */
  load(startAt?: number): void;
  /** -1 = automatic. */
  setQuality(index: number): void;
  /** Shows the captions of a language, or none (null). */
  setCaptions(lang: string | null): void;
  destroy(): void;
}

export interface EngineEvents {
  /** The rung now playing (its short side), when the engine knows it. */
  onLevel(rung: number | null): void;
  /** A failure the player cannot recover from. */
  onFatal(message: string): void;
}

/**
 * hls.js wherever Media Source Extensions exist: it gives us the quality ladder and the same behaviour in
 * every browser (Chromium may answer "maybe" to canPlayType for HLS yet play it poorly). Native HLS only
 * where there is no MSE at all (iPhone Safari before iOS 17.1), where the browser is the only way.
 */
function prefersHlsJs(): boolean {
  return 'MediaSource' in window || 'ManagedMediaSource' in window;
}

/**
 * `choice` is the data choice as it applies to this clip (see appliedChoice): "audio" plays the sound-alone
 * playlist, "saver" locks hls.js to the lowest picture rung. Changing it means attaching a new engine.
 */
export async function attachEngine(
  el: HTMLVideoElement,
  video: PublicVideo,
  events: EngineEvents,
  choice: DataChoice = 'auto',
): Promise<Engine> {
  // A film saved on this device plays from its MP4, with the network or without: it costs no data at all.
  if (video.progressive && (await isSaved(video.progressive.url)))
    return attachNative(el, video.progressive.url);
  const source = choice === 'audio' && video.audioOnly ? video.audioOnly.url : video.hls;
  if (prefersHlsJs()) return attachHlsJs(el, source, events, choice === 'saver');
  if (el.canPlayType('application/vnd.apple.mpegurl')) return attachNative(el, source);
  throw new Error('unsupported');
}

/** Captions are <track> elements over the whole WebVTT files, in both engines. */
function showTrack(el: HTMLVideoElement, lang: string | null): void {
  for (const track of Array.from(el.textTracks)) {
    if (track.kind !== 'subtitles' && track.kind !== 'captions') continue;
    track.mode = lang && track.language === lang ? 'showing' : 'disabled';
  }
}

/** The browser's own player: for HLS where there is no MSE, and for a saved MP4 (one file, from the cache). */
function attachNative(el: HTMLVideoElement, source: string): Engine {
  el.src = source;
  return {
    kind: 'native',
    // Safari chooses the rung itself and offers no way to pin one.
    qualities: [],
    // The <video> has preload="none": Safari fetches when play() is called. It picks the rung itself, so the
    // data saver cannot lock one here; the sound alone still works (its own playlist).
    load: (startAt) => {
      if (startAt) el.addEventListener('loadedmetadata', () => (el.currentTime = startAt), { once: true });
    },
    setQuality: () => {},
    setCaptions: (lang) => showTrack(el, lang),
    destroy: () => {
      el.removeAttribute('src');
      el.load();
    },
  };
}

async function attachHlsJs(
  el: HTMLVideoElement,
  source: string,
  events: EngineEvents,
  saver: boolean,
): Promise<Engine> {
  // Its own chunk: only pages that show a player download it. The light build (~120 KB gzip, not ~190): it
  // leaves out subtitle rendering, alternate audio, DRM and CMCD, none of which we use; captions are <track>
  // elements over the whole WebVTT files, as with native playback. Its stream controller goes on after the last
  // segment on a switch of rung rather than fetching that segment's seconds again (hls-light.ts).
  const { Hls, AlignedStreamController } = await import('./hls-light.ts');
  const hls = new Hls({
    streamController: AlignedStreamController,
    capLevelToPlayerSize: true,
    enableWorker: true,
    // The master playlist now, the rest when the visitor taps (load()).
    autoStartLoad: false,
    // Until it has timed a fragment, the ABR controller plans with what we know of the link, not its 500 kbit/s.
    abrEwmaDefaultEstimate: estimateBps(linkHints()),
  });
  let mediaErrorRecoveries = 0;
  /** A rung the viewer picked in the menu before tapping play: it is the start. */
  let pinned = -1;

  hls.on(Hls.Events.LEVEL_SWITCHED, (_e, data) => {
    const level = hls.levels[data.level];
    // The sound-alone playlist is a level without a picture: no rung to show.
    events.onLevel(level?.height ? rungOf(level.width, level.height) : null);
  });
  // Every film fragment refines hls.js's estimate: keep it for the next page's start (one number and a time).
  hls.on(Hls.Events.FRAG_BUFFERED, (_e, data) => {
    if (data.frag.type !== 'main') return;
    rememberBandwidth(browserStore(), hls.bandwidthEstimate, Date.now());
    signalBandwidth(el, hls.bandwidthEstimate);
  });
  hls.on(Hls.Events.ERROR, (_e, data) => {
    console.warn('[hls]', data.fatal ? 'fatal' : 'recoverable', data.type, data.details);
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && mediaErrorRecoveries++ < 2) {
      hls.recoverMediaError();
    } else if (data.type === Hls.ErrorTypes.NETWORK_ERROR && data.details !== 'manifestLoadError') {
      hls.startLoad();
    } else {
      signalFatal(el, errorCodeOf(data.type, data.details));
      events.onFatal(data.details);
    }
  });

  const ready = new Promise<void>((resolve, reject) => {
    hls.once(Hls.Events.MANIFEST_PARSED, () => resolve());
    hls.once(Hls.Events.ERROR, (_e, data) => {
      if (data.fatal) reject(new Error(data.details));
    });
  });
  hls.attachMedia(el);
  hls.loadSource(source);
  await ready;

  // The data saver: the lowest picture rung, as a visitor whose browser saves data would start on.
  const lowest = saver ? chooseStartRung(hls.levels, { saveData: true }) : -1;
  if (lowest >= 0) pinned = lowest;

  return {
    kind: 'hls.js',
    // Under the data saver the lowest rung is the only one on offer: the quality menu has nothing to pick.
    qualities: hls.levels
      .map((level, index) => ({
        index,
        height: level.height,
        rung: rungOf(level.width, level.height),
        bitrate: level.bitrate,
      }))
      .filter((q) => lowest < 0 || q.index === lowest)
      .sort((a, b) => b.rung - a.rung),
    load: (startAt) => {
      // Chosen now, not when the page opened: the player has its final size, the link may have changed.
      const start = chooseStartRung(hls.levels, linkHints(), {
        width: el.clientWidth,
        height: el.clientHeight,
        pixelRatio: window.devicePixelRatio || 1,
      });
      // An explicit start level: hls.js would otherwise take the first variant of the playlist, or time a
      // fragment of the lowest one first (testBandwidth) and fetch the same seconds again on a higher rung.
      if (pinned >= 0 || start >= 0) hls.startLevel = pinned >= 0 ? pinned : start;
      // A pinned rung (the menu, the data saver) is a lock: the ABR controller never leaves it.
      if (pinned >= 0) hls.loadLevel = pinned;
      hls.startLoad(startAt ?? -1);
    },
    setQuality: (index) => {
      // currentLevel switches now (flushing the buffer); -1 hands the choice back to the ABR controller.
      pinned = index;
      hls.currentLevel = index;
    },
    setCaptions: (lang) => showTrack(el, lang),
    destroy: () => hls.destroy(),
  };
}
