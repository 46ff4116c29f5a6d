// Pure: turns ffprobe's JSON into a ProbeResult, or a refusal. Unit-tested without ffmpeg.
import { type ColorTags, sourceColorOf } from '../color/color.ts';
import type { ProbeResult } from '../types.ts';
import { type MediaValidationError, refuse, type SizeLimits } from './errors.ts';

export interface ProbeLimits extends SizeLimits {
  maxDurationSec: number;
  minDurationSec: number;
  minShortSide: number;
}

/**
 * The ceilings bound what one clip can cost. Big-but-sane pictures (4K, a tall phone panorama) are taken and
 * scaled down by the ladder; beyond these, decoding alone costs several CPU-seconds per second of video
 * (8000×8000 measured ~8), so the file is refused with what to export instead.
 */
export const DEFAULT_LIMITS: ProbeLimits = {
  maxDurationSec: 30 * 60,
  minDurationSec: 1,
  minShortSide: 128,
  // 8K's long side and picture: cameras stop there; beyond it are synthetic files or stitched panoramas.
  maxLongSide: 8192,
  maxPixels: 8192 * 4320,
  // 4K (DCI) at 60 fps: what phones and cameras record; 8K at 30 and 4K at 120 are past it.
  maxPixelRate: 4096 * 2160 * 60,
};

export interface FfprobeStream extends ColorTags {
  index?: number;
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  nb_frames?: string;
  nb_read_packets?: string;
  duration?: string;
  bit_rate?: string;
  pix_fmt?: string;
  field_order?: string;
  channels?: number;
  sample_rate?: string;
  disposition?: { attached_pic?: number; still_image?: number };
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
}

export interface FfprobeJson {
  streams?: FfprobeStream[];
  format?: { format_name?: string; duration?: string; size?: string; probe_score?: number };
}

/** Codecs that hold pictures, not motion: one of these with a single frame is a photo. */
const IMAGE_CODECS = new Set([
  'png',
  'mjpeg',
  'bmp',
  'gif',
  'webp',
  'tiff',
  'jpeg2000',
  'jpegls',
  'apng',
  'qoi',
]);
/** Below this ffprobe guessed the container from weak evidence (random bytes often score 1–25). */
const MIN_PROBE_SCORE = 25;

function ratio(text: string | undefined): number {
  const [num, den] = (text ?? '').split('/').map(Number);
  if (!num || !Number.isFinite(num)) return 0;
  return den ? num / den : num;
}

const num = (text: string | number | undefined): number | null => {
  const n = Number(text);
  return text !== undefined && text !== 'N/A' && Number.isFinite(n) ? n : null;
};

/** Floor to an even number (never up: a 481-line source makes a 480-line picture). */
export const even = (n: number): number => 2 * Math.floor(Math.round(n) / 2);

/** Clockwise degrees as players apply it; ffprobe reports the display matrix angle counter-clockwise. */
export function rotationOf(stream: FfprobeStream): number {
  const matrix = stream.side_data_list?.find((d) => d.side_data_type === 'Display Matrix');
  const ccw = matrix?.rotation;
  const cw = ccw !== undefined ? -ccw : Number(stream.tags?.rotate ?? 0);
  const normalised = (((Math.round(cw / 90) * 90) % 360) + 360) % 360;
  return normalised;
}

function pickVideo(json: FfprobeJson): FfprobeStream | undefined {
  return json.streams?.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
}

/** First pass: everything knowable from headers. Returns the refusal instead of throwing so callers decide. */
export function interpretHeaders(
  json: FfprobeJson,
  sizeBytes: number,
  limits: ProbeLimits = DEFAULT_LIMITS,
): ProbeResult | MediaValidationError {
  const format = json.format ?? {};
  const streams = json.streams ?? [];
  if (streams.length === 0 || (format.probe_score ?? 100) < MIN_PROBE_SCORE) return refuse.notMedia();
  const v = pickVideo(json);
  const a = streams.find((s) => s.codec_type === 'audio');
  if (!v) return a ? refuse.noVideo() : refuse.notMedia();
  const formatName = format.format_name ?? '';
  const codec = v.codec_name ?? '';
  const frames = num(v.nb_frames);
  // A stream without a picture size was named by the file's extension, not found in its bytes.
  if (!v.width || !v.height) return refuse.notMedia();
  const isImageFormat = formatName === 'image2' || formatName.endsWith('_pipe');
  // An image codec with an unknown frame count (an animated GIF, say) is left to the packet count.
  if (isImageFormat || (IMAGE_CODECS.has(codec) && frames !== null && frames <= 1) || frames === 1) {
    return refuse.stillImage();
  }
  const { width, height } = v;
  const durationSec = num(format.duration) ?? num(v.duration) ?? 0;
  const sar = parseSar(v.sample_aspect_ratio);
  const rotation = rotationOf(v);
  // Non-square pixels widen (or narrow) the picture; rotation then swaps the sides.
  const shownW = even((width * sar[0]) / sar[1]);
  const shownH = even(height);
  const sideways = rotation === 90 || rotation === 270;
  const displayWidth = sideways ? shownH : shownW;
  const displayHeight = sideways ? shownW : shownH;
  if (Math.min(displayWidth, displayHeight) < limits.minShortSide) {
    return refuse.tooSmall(displayWidth, displayHeight, limits.minShortSide);
  }
  const fps = Math.round((ratio(v.avg_frame_rate) || ratio(v.r_frame_rate)) * 1000) / 1000;
  // Decoding costs the coded size, what staff see is the displayed one: both must fit.
  const longSide = Math.max(width, height, displayWidth, displayHeight);
  if (longSide > limits.maxLongSide || width * height > limits.maxPixels) {
    return refuse.tooLarge(displayWidth, displayHeight, fps, limits);
  }
  if (durationSec > limits.maxDurationSec) return refuse.tooLong(durationSec, limits.maxDurationSec);
  if (durationSec < limits.minDurationSec) return refuse.tooShort(durationSec, limits.minDurationSec);
  const color = sourceColorOf(v);
  return {
    durationSec,
    sizeBytes,
    formatName,
    video: {
      codec,
      width,
      height,
      displayWidth,
      displayHeight,
      rotation,
      sar,
      fps,
      frameCount: frames,
      pixFmt: v.pix_fmt ?? '',
      bitRate: num(v.bit_rate),
      interlaced: ['tt', 'bb', 'tb', 'bt'].includes(v.field_order ?? ''),
      ...(color ? { color } : {}),
    },
    audio: a
      ? {
          codec: a.codec_name ?? '',
          channels: a.channels ?? 0,
          sampleRate: num(a.sample_rate) ?? 0,
          bitRate: num(a.bit_rate),
        }
      : null,
  };
}

function parseSar(text: string | undefined): [number, number] {
  const [n, d] = (text ?? '').split(':').map(Number);
  return n && d ? [n, d] : [1, 1];
}

/**
 * Second pass, after ffprobe has read every video packet: a file cut short still declares its full
 * duration in the header, but fewer frames can be read than it promises.
 */
export function checkComplete(
  probe: ProbeResult,
  readPackets: number,
  stderr: string,
  /** The video stream's own declared duration: the container's may be longer because of the audio. */
  videoSec: number | null = null,
): MediaValidationError | null {
  if (readPackets <= 1) return readPackets === 1 ? refuse.stillImage() : refuse.notMedia();
  const fps = probe.video.fps || 25;
  const readableSec = readPackets / fps;
  const declared = videoSec && videoSec > 0 ? videoSec : probe.durationSec;
  const slack = Math.max(1, declared * 0.05);
  if (readableSec < declared - slack || /partial file/i.test(stderr)) {
    return refuse.truncated(Math.min(readableSec, declared), probe.durationSec);
  }
  return null;
}

/**
 * Pixels per second to decode, from the frames actually counted over the duration when both are known: a
 * header's frame rate can be a timebase (WebM often says 1000/1), which would refuse a plain 1080p clip.
 */
export function checkPixelRate(probe: ProbeResult, limits: SizeLimits): MediaValidationError | null {
  const { width, height, displayWidth, displayHeight, frameCount } = probe.video;
  const fps = frameCount && probe.durationSec > 0 ? frameCount / probe.durationSec : probe.video.fps;
  if (width * height * fps <= limits.maxPixelRate) return null;
  return refuse.tooLarge(displayWidth, displayHeight, fps, limits);
}

export function videoDurationOf(json: FfprobeJson): number | null {
  return num(pickVideo(json)?.duration);
}
