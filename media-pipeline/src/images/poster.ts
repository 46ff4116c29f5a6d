import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { toSdrFilter } from '../color/color.ts';
import { runFfmpeg } from '../ffmpeg/run.ts';
import type { ImageFile, ProbeResult } from '../types.ts';
import { heightFor, posterWidths } from './sizes.ts';

/** Frames darker than this mean luma (0–255; video black is 16) are fades or black leaders, not posters. */
const MIN_LUMA = 32;
/** How many frames are compared; analysis runs on small copies, so this costs decoding, not memory. */
const SAMPLES = 60;

/**
 * A representative, non-black frame as JPEG and WebP in a few widths (never above the display width),
 * under outDir/poster/. An analysis of small samples picks the time (dark frames dropped, then ffmpeg's
 * `thumbnail` takes the one closest to the average histogram), then one run extracts that frame at
 * every size. ffmpeg applies rotation on decode; the explicit output size squares the pixels.
 */
export async function makePoster(
  input: string,
  probe: ProbeResult,
  outDir: string,
  signal?: AbortSignal,
): Promise<{ jpeg: ImageFile[]; webp: ImageFile[] }> {
  // Keyframes first (fast); a clip whose keyframes are all dark (a long black leader, a single keyframe)
  // gets every frame considered; only an all-black clip gets a black poster.
  const at =
    (await pickTime(input, probe, signal, { keyframesOnly: true, rejectDark: true })) ??
    (await pickTime(input, probe, signal, { keyframesOnly: false, rejectDark: true })) ??
    (await pickTime(input, probe, signal, { keyframesOnly: true, rejectDark: false })) ??
    0;
  const dir = join(outDir, 'poster');
  await mkdir(dir, { recursive: true });
  const sizes = posterWidths(probe).map((width) => ({ width, height: heightFor(width, probe) }));
  const jpeg = sizes.map((s) => ({ ...s, file: `poster/poster-${s.width}.jpg` }));
  const webp = sizes.map((s) => ({ ...s, file: `poster/poster-${s.width}.webp` }));
  const n = sizes.length;
  // An HDR source is tone-mapped like the encode, once, before the sizes split off.
  const toSdr = toSdrFilter(probe.video.color);
  const graph = [
    `[0:v]${toSdr ? `${toSdr},` : ''}split=${n}${sizes.map((_, i) => `[s${i}]`).join('')}`,
    ...sizes.map(
      (s, i) => `[s${i}]scale=${s.width}:${s.height}:flags=lanczos,setsar=1,split=2[j${i}][w${i}]`,
    ),
  ].join(';');
  // 1 ms early: the seek keeps the first frame at or after it, which is the chosen one.
  const seek = Math.max(0, Math.floor(at * 1000) / 1000 - 0.001).toFixed(3);
  const args = ['-ss', seek, '-i', input, '-an', '-sn', '-dn', '-filter_complex', graph];
  sizes.forEach((_, i) => {
    const one = ['-frames:v', '1', '-update', '1', '-f', 'image2'];
    args.push('-map', `[j${i}]`, ...one, '-q:v', '3', join(outDir, jpeg[i]?.file ?? ''));
    args.push(
      '-map',
      `[w${i}]`,
      ...one,
      '-c:v',
      'libwebp',
      '-quality',
      '80',
      join(outDir, webp[i]?.file ?? ''),
    );
  });
  await runFfmpeg(args, { signal });
  for (const image of [...jpeg, ...webp]) {
    const size = await stat(join(outDir, image.file)).then(
      (s) => s.size,
      () => 0,
    );
    if (size === 0) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(
        `ffmpeg wrote no poster frame at ${at.toFixed(3)} s (${image.file}); is the video decodable?`,
      );
    }
  }
  return { jpeg, webp };
}

interface Analysis {
  /** Decode keyframes only: the encoder's own picks, at a fraction of the decoding work. */
  keyframesOnly: boolean;
  rejectDark: boolean;
}

/** The time of the chosen frame, or undefined if no frame passed the luma filter. */
async function pickTime(
  input: string,
  probe: ProbeResult,
  signal: AbortSignal | undefined,
  { keyframesOnly, rejectDark }: Analysis,
): Promise<number | undefined> {
  const duration = probe.durationSec > 0 ? probe.durationSec : 1;
  const step = Math.max(0.5, duration / SAMPLES);
  // select (not fps) keeps each sample's own timestamp, so the extraction seeks to exactly that frame.
  const filters = [`select='isnan(prev_selected_t)+gte(t-prev_selected_t,${step.toFixed(3)})'`];
  // Tone-mapped after the cheap downscale, so "dark" means dark as viewers will see it.
  const toSdr = toSdrFilter(probe.video.color);
  filters.push('scale=128:-2', ...(toSdr ? [toSdr] : []), 'signalstats');
  if (rejectDark) {
    filters.push(`metadata=mode=select:key=lavfi.signalstats.YAVG:value=${MIN_LUMA}:function=greater`);
  }
  filters.push(`thumbnail=${SAMPLES * 2}`, 'showinfo');
  const args = [...(keyframesOnly ? ['-skip_frame', 'nokey'] : []), '-i', input, '-an', '-sn', '-dn'];
  args.push('-vf', filters.join(','), '-nostats', '-f', 'null', '-');
  const { stderr } = await runFfmpeg(args, { signal });
  // showinfo logs the one frame thumbnail emits, at the very end of the run (inside the stderr tail).
  const match = /Parsed_showinfo.*\bpts_time:\s*([\d.]+)/.exec(stderr);
  return match ? Number(match[1]) : undefined;
}
