// The one place that turns a ladder (plain data) into an ffmpeg argument list: decode once, encode every rung.

import { HLS_SEGMENT_SEC } from '@artifact-stories/contracts/limits';
import { BT709_TAGS, toSdrFilter } from '../color/color.ts';
import type { AudioOnlyRung } from '../ladder/ladder.ts';
import type { ProbeResult, Rung } from '../types.ts';

export interface HlsPlan {
  input: string;
  probe: ProbeResult;
  rungs: readonly Rung[];
  /** The sound track as its own variant (<name>/index.m3u8), encoded by the same process; null for none. */
  audioOnly?: AudioOnlyRung | null;
  /** Folder that receives <rung>/index.m3u8, <rung>/init_<i>.mp4 and <rung>/seg-NNN.m4s. */
  outDir: string;
  segmentSec: number;
}

export const SEGMENT_SEC = HLS_SEGMENT_SEC;
export const PLAYLIST_NAME = 'index.m3u8';

/** High profile from 720 lines up (better compression where the bits are); Main below for older phones. */
function profileFor(rung: Rung): 'high' | 'main' {
  return Math.min(rung.width, rung.height) >= 720 ? 'high' : 'main';
}

/** ffmpeg's fps filter takes a rational; NTSC rates are n×1000/1001, not 29.97. */
export function fpsRational(fps: number): string {
  const ntsc = Math.round((fps * 1001) / 1000);
  if (Math.abs((ntsc * 1000) / 1001 - fps) < 0.005 && Math.abs(ntsc - fps) > 0.005)
    return `${ntsc * 1000}/1001`;
  return String(Math.round(fps * 1000) / 1000);
}

const k = (bps: number): string => `${Math.round(bps / 1000)}k`;

/**
 * Decode (and auto-rotate) once, then scale in a cascade: each rung is scaled from the one above it, not
 * from the source, which costs less than scaling the full picture once per rung (measured ~7 % less CPU
 * for a 1080p four-rung ladder). Every step is a downscale (at least 1.2× except a source just above the
 * bottom rung), so quality holds.
 */
export function filterGraph(probe: ProbeResult, rungs: readonly Rung[]): string {
  const fps = rungs[0]?.fps ?? probe.video.fps;
  // Interlaced tape transfers are deinterlaced (one frame per frame, bwdif) before anything else sees them;
  // dropping frames before the first scale spares every scaler.
  const deinterlace = probe.video.interlaced ? 'bwdif=mode=send_frame:deint=interlaced,' : '';
  const capFps = fps < probe.video.fps - 0.01 ? `fps=${fpsRational(fps)},` : '';
  // HDR is tone-mapped once, on the top rung's picture: every rung below is scaled from SDR, and the float
  // maths runs on at most 1080p, not on a phone's 4K (a quarter of the pixels).
  const toTop = toSdrFilter(probe.video.color) ?? 'format=yuv420p';
  const steps = rungs.map((r, i) => {
    const from = i === 0 ? `[0:v:0]${deinterlace}${capFps}` : `[t${i - 1}]`;
    // setsar=1 after every scale: the scaler keeps the display aspect by adjusting SAR by a hair.
    const scale = `scale=${r.width}:${r.height}:flags=bicubic,setsar=1${i === 0 ? `,${toTop}` : ''}`;
    const to = i < rungs.length - 1 ? `,split=2[v${i}][t${i}]` : `[v${i}]`;
    return `${from}${scale}${to}`;
  });
  return steps.join(';');
}

export function buildHlsArgs(plan: HlsPlan): string[] {
  const { probe, rungs, outDir, segmentSec } = plan;
  const fps = rungs[0]?.fps ?? probe.video.fps;
  const gop = String(Math.round(segmentSec * fps));
  const audioOnly = probe.audio ? plan.audioOnly : null;
  const args = ['-i', plan.input, '-filter_complex', filterGraph(probe, rungs)];
  for (const [i] of rungs.entries()) args.push('-map', `[v${i}]`);
  if (probe.audio) for (const _ of rungs) args.push('-map', '0:a:0');
  // One more AAC encode of the same decoded sound (audio is cheap; the picture is decoded once regardless).
  if (audioOnly) args.push('-map', '0:a:0');
  args.push('-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', ...BT709_TAGS);
  // Same fixed GOP in every rung, no scene-cut keyframes, and a forced IDR at each segment boundary:
  // a player switching rungs always lands on a keyframe.
  args.push('-g', gop, '-keyint_min', gop, '-sc_threshold', '0');
  args.push('-force_key_frames', `expr:gte(t,n_forced*${segmentSec})`);
  for (const [i, r] of rungs.entries()) {
    // Capped CRF: the quality is fixed and the bits follow the picture, up to the rung's cap.
    args.push(`-crf:v:${i}`, String(r.crf), `-maxrate:v:${i}`, k(r.maxrate), `-bufsize:v:${i}`, k(r.bufsize));
    args.push(`-profile:v:${i}`, profileFor(r));
  }
  if (probe.audio) {
    args.push('-c:a', 'aac', '-ac', '2', '-ar', '48000');
    for (const [i, r] of rungs.entries()) args.push(`-b:a:${i}`, k(r.audioBitrate));
    if (audioOnly) args.push(`-b:a:${rungs.length}`, k(audioOnly.audioBitrate));
  }
  const variants = rungs.map((r, i) => `v:${i}${probe.audio ? `,a:${i}` : ''},name:${r.name}`);
  // hlsenc cuts an audio-only variant at the first packet past each hls_time boundary, as it cuts the video
  // ones at their forced keyframes: the same number of segments, each within one AAC frame (21 ms) of them.
  if (audioOnly) variants.push(`a:${rungs.length},name:${audioOnly.name}`);
  const streamMap = variants.join(' ');
  args.push(
    '-map_metadata',
    '-1',
    '-f',
    'hls',
    '-hls_time',
    String(segmentSec),
    '-hls_playlist_type',
    'vod',
    '-hls_segment_type',
    'fmp4',
    '-hls_flags',
    'independent_segments',
    '-hls_fmp4_init_filename',
    'init.mp4',
    '-hls_segment_filename',
    `${outDir}/%v/seg-%03d.m4s`,
    '-var_stream_map',
    streamMap,
    `${outDir}/%v/${PLAYLIST_NAME}`,
  );
  return args;
}
