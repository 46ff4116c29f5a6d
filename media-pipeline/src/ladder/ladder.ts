// The ladder as plain data: which sizes, frame rates and bitrates to encode, derived from the probe alone.
import { even } from '../probe/interpret.ts';
import type { ProbeResult, Rung } from '../types.ts';

export interface LadderOptions {
  /** Short sides to offer, largest first; the last is the bottom rung every larger source gets. */
  rungs?: readonly number[];
  /** At most this many rungs, the bottom one included. */
  maxRungs?: number;
  maxFps?: number;
  /** A standard rung this close below the source-sized top rung adds little: it is skipped. */
  minStepRatio?: number;
  /** No rung is longer than this on either side (a tall 1080×8192 clip would otherwise need H.264 level 5.1). */
  maxLongSide?: number;
  /** No rung has more pixels per frame than this (with maxFps, this bounds the encode's pixel rate). */
  maxPixels?: number;
}

const STANDARD_RUNGS = [1080, 720, 480, 360, 240] as const;
/** 1080p's frame at 30 fps: H.264 level 4.0, which every phone and browser decodes in hardware. */
const MAX_LONG_SIDE = 1920;
const MAX_PIXELS = 1920 * 1080;
/**
 * The smallest side a rung may have: one H.264 macroblock. Only extreme aspect ratios come near it (the probe
 * lets through at most 8192 by 128, whose top rung is 1920×30).
 */
const MIN_SIDE = 16;

/**
 * H.264 bitrate anchors by picture area (16:9 sizes at up to 30 fps); other sizes interpolate.
 * The bottom anchor follows Apple's HLS authoring spec, whose lowest video tier is 416×234 at 145 kbit/s
 * (≤ 30 fps): scaled by area to our 426×240 it is 152k, so 150k. With 64k audio the whole rung needs
 * ~0.22 Mbit/s, which "slow 3G" (0.4 Mbit/s) carries; the 400k it had before did not fit with its audio
 * and overhead. The anchors above it are kept: 720p matches Apple's 3000k, 1080p sits below its 6000k,
 * 480p between its 432p/1100k and 540p/2000k; 360p (800k) is above Apple's 365k on purpose: our veryfast
 * preset spends more bits for the same picture than the encoders Apple's table assumes.
 */
const BITRATE_ANCHORS: [pixels: number, bps: number][] = [
  [426 * 240, 150_000],
  [640 * 360, 800_000],
  [854 * 480, 1_400_000],
  [1280 * 720, 3_000_000],
  [1920 * 1080, 5_000_000],
];

/** Bits per second for a picture of this area: linear between anchors, proportional outside them. */
export function videoBitrateFor(width: number, height: number): number {
  const px = width * height;
  const first = BITRATE_ANCHORS[0] as [number, number];
  const last = BITRATE_ANCHORS[BITRATE_ANCHORS.length - 1] as [number, number];
  let bps: number;
  if (px <= first[0]) bps = (first[1] * px) / first[0];
  else if (px >= last[0]) bps = (last[1] * px) / last[0];
  else {
    const i = BITRATE_ANCHORS.findIndex(([p]) => p >= px);
    const [p1, b1] = BITRATE_ANCHORS[i] as [number, number];
    const [p0, b0] = BITRATE_ANCHORS[i - 1] as [number, number];
    bps = b0 + ((b1 - b0) * (px - p0)) / (p1 - p0);
  }
  return Math.round(bps / 10_000) * 10_000;
}

/**
 * Every rung encodes at this constant quality, x264's own default and the usual "looks like the source on a
 * phone" point at veryfast (SSIM ≥ 0.99 on the fixtures' rungs): a still object on a plinth needs a
 * fraction of its rung's cap (a tripod shot measured 438k of 3000k at 720p, ~60 % fewer bits than the fixed
 * ladder at equal SSIM), while a grainy handheld shot reaches the cap, as before. `npm run bench -- pipeline`.
 */
const CRF = 23;

/** AAC-LC stereo at 64k is the floor where ffmpeg's own encoder still carries a voice and music cleanly. */
const LOW_AUDIO_BPS = 64_000;

function audioBitrateFor(shortSide: number): number {
  if (shortSide >= 720) return 128_000;
  if (shortSide >= 360) return 96_000;
  return LOW_AUDIO_BPS;
}

/** The sound track alone, for the worst links and for a visitor who chose "audio only". */
export interface AudioOnlyRung {
  name: 'audio';
  audioBitrate: number;
}

/** An audio-only rendition when the source has sound: the bottom rung's audio, without its picture. */
export function planAudioOnly(probe: ProbeResult): AudioOnlyRung | null {
  return probe.audio ? { name: 'audio', audioBitrate: LOW_AUDIO_BPS } : null;
}

/**
 * Frame rate kept up to the cap; faster sources are divided by a whole number so every output frame is a
 * source frame (60 → 30, 50 → 25, 59.94 → 29.97), which avoids the judder of uneven dropping.
 */
export function cappedFps(fps: number, maxFps = 30): number {
  if (!(fps > 0)) return maxFps;
  const divisor = Math.ceil(fps / maxFps - 1e-6);
  return Math.round((fps / Math.max(1, divisor)) * 1000) / 1000;
}

/** The ladder for a probed source: never upscaled, orientation kept, even sizes, square pixels. */
export function planLadder(probe: ProbeResult, options: LadderOptions = {}): Rung[] {
  const standard = options.rungs ?? STANDARD_RUNGS;
  const maxRungs = options.maxRungs ?? 5;
  const minStep = options.minStepRatio ?? 0.85;
  const { displayWidth: dw, displayHeight: dh } = probe.video;
  const portrait = dh > dw;
  const sourceShort = Math.min(dw, dh);
  const sourceLong = Math.max(dw, dh);
  const maxLong = options.maxLongSide ?? MAX_LONG_SIDE;
  // The top rung is the source scaled down (never up) until its short side, its long side and its area fit.
  const scale = Math.min(
    1,
    (standard[0] ?? sourceShort) / sourceShort,
    maxLong / sourceLong,
    Math.sqrt((options.maxPixels ?? MAX_PIXELS) / (sourceShort * sourceLong)),
  );
  const top = scale === 1 ? even(sourceShort) : Math.max(MIN_SIDE, even(sourceShort * scale));
  // The bottom rung is what a slow link carries: every source larger than it gets it, even one only a
  // little larger (a 270p source is 290k without it), and it survives the cap on the number of rungs.
  const bottom = standard[standard.length - 1] ?? top;
  const middle = standard.filter((s) => s < top * minStep && s > bottom);
  const shorts = [top, ...middle].slice(0, Math.max(1, maxRungs - 1));
  if (top > bottom && shorts.length < maxRungs) shorts.push(bottom);
  const fps = cappedFps(probe.video.fps, options.maxFps);
  const sourceBps = probe.video.bitRate;
  return shorts.map((short) => {
    // Scaled rungs round to the nearest even size (853.3 → 854, the usual 480p width).
    const long = Math.min(
      short === even(sourceShort) ? even(sourceLong) : 2 * Math.round((short * sourceLong) / sourceShort / 2),
      // Rounding to even never pushes the long side past the ceiling.
      Math.max(MIN_SIDE, even(maxLong)),
    );
    const width = portrait ? short : long;
    const height = portrait ? long : short;
    // The anchor is the cap: a busy picture spends at most what every picture spent before (the fixed
    // ladder's average), so the link a rung was chosen for still carries it.
    let maxrate = videoBitrateFor(width, height);
    // Spending more bits than the source has buys nothing; keep a floor so small rungs stay watchable.
    if (sourceBps && sourceBps > 0) maxrate = Math.min(maxrate, Math.max(sourceBps, 200_000));
    return {
      name: `${short}p`,
      width,
      height,
      fps,
      crf: CRF,
      maxrate,
      // Two seconds of buffer: within a 4 s segment the rate can peak at 1.5× the cap, as the fixed
      // ladder's could (its maxrate was 1.5× its average); over the whole clip it stays under the cap.
      bufsize: maxrate * 2,
      audioBitrate: audioBitrateFor(short),
    };
  });
}
