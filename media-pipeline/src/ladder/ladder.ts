// The ladder as plain data: which sizes, frame rates and bitrates to encode, derived from the probe alone.
import { even } from '../probe/interpret.ts';
import type { ProbeResult, Rung } from '../types.ts';

export interface LadderOptions {
  /** Short sides to offer, largest first. */
  rungs?: readonly number[];
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

/** H.264 bitrate anchors by picture area (16:9 sizes at up to 30 fps); other sizes interpolate. */
const BITRATE_ANCHORS: [pixels: number, bps: number][] = [
  [426 * 240, 400_000],
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

function audioBitrateFor(shortSide: number): number {
  if (shortSide >= 720) return 128_000;
  if (shortSide >= 360) return 96_000;
  return 64_000;
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
  const maxRungs = options.maxRungs ?? 4;
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
  const shorts = [top, ...standard.filter((s) => s < top * minStep)].slice(0, maxRungs);
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
    let videoBitrate = videoBitrateFor(width, height);
    // Spending more bits than the source has buys nothing; keep a floor so small rungs stay watchable.
    if (sourceBps && sourceBps > 0) videoBitrate = Math.min(videoBitrate, Math.max(sourceBps, 200_000));
    return {
      name: `${short}p`,
      width,
      height,
      fps,
      videoBitrate,
      maxrate: Math.round(videoBitrate * 1.5),
      bufsize: videoBitrate * 2,
      audioBitrate: audioBitrateFor(short),
    };
  });
}
