// Shared by the pipeline's tests: temp folders, clips with a visible marker, and ffprobe checks on output.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runFfmpeg, runFfprobe } from '../src/ffmpeg/run.ts';
import { parseMediaPlaylist } from '../src/hls/playlist.ts';
import type { TranscodeResult } from '../src/types.ts';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `mp-${prefix}-`));
}

export async function ffprobeJson(
  args: string[],
): Promise<Record<string, unknown> & { streams?: unknown[] }> {
  const { stdout } = await runFfprobe(['-v', 'error', '-print_format', 'json', ...args]);
  return JSON.parse(stdout);
}

/**
 * A clip whose coded picture is black with a white box in the top-left corner: after rotation and
 * pixel-aspect correction the box shows where the corner went and whether it kept its shape.
 */
export async function makeMarkerClip(
  file: string,
  o: {
    width: number;
    height: number;
    box: [number, number];
    rotate?: number;
    sar?: string;
    durationSec?: number;
  },
): Promise<string> {
  const d = o.durationSec ?? 5;
  const vf = [`drawbox=x=0:y=0:w=${o.box[0]}:h=${o.box[1]}:color=white:t=fill`];
  if (o.sar) vf.push(`setsar=${o.sar.replace(':', '/')}`);
  const coded = o.rotate ? `${file}.coded.mp4` : file;
  await runFfmpeg([
    ...['-f', 'lavfi', '-i', `color=c=black:size=${o.width}x${o.height}:rate=25:duration=${d}`],
    ...['-vf', vf.join(','), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', coded],
  ]);
  if (o.rotate) {
    await runFfmpeg(['-i', coded, '-c', 'copy', '-metadata:s:v:0', `rotate=${o.rotate}`, file]);
    rmSync(coded, { force: true });
  }
  return file;
}

/** Concatenates an fMP4 init segment and one media segment into a file ffprobe can read on its own. */
function joinSegment(dir: string, init: string, segment: string, out: string): string {
  writeFileSync(out, Buffer.concat([readFileSync(join(dir, init)), readFileSync(join(dir, segment))]));
  return out;
}

/** Flags of the first video packet ('K_' for a keyframe) of a standalone fMP4 file. */
async function firstPacketFlags(file: string): Promise<string> {
  const { stdout } = await runFfprobe([
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'packet=flags',
    '-read_intervals',
    '%+#1',
    '-of',
    'csv=p=0',
    file,
  ]);
  return stdout.trim().split('\n')[0] ?? '';
}

/** The first frame of a file as 8-bit grey pixels. */
export async function firstFrameGray(file: string, width: number, height: number): Promise<Uint8Array> {
  const out = `${file}.gray`;
  await runFfmpeg([
    '-i',
    file,
    '-frames:v',
    '1',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'gray',
    '-s',
    `${width}x${height}`,
    out,
  ]);
  const data = readFileSync(out);
  rmSync(out, { force: true });
  return data;
}

/** Bounding box of the bright pixels. */
export function whiteBox(
  gray: Uint8Array,
  width: number,
): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = -1;
  let y1 = -1;
  for (let i = 0; i < gray.length; i++) {
    if ((gray[i] ?? 0) < 128) continue;
    const x = i % width;
    const y = Math.floor(i / width);
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return { x0, y0, x1, y1 };
}

/**
 * Checks every rendition of a finished version (never upscaled, even sizes, a keyframe at the start of every
 * segment, the same segment times in every rung) and returns each one's first segment as a standalone file
 * written in `work`.
 */
export async function checkVersion(result: TranscodeResult, work: string): Promise<Map<string, string>> {
  const { dir, manifest } = result;
  expect(readdirSync(join(dir, '..'))).toEqual([result.version]); // no temp folder left beside it
  const firstSegments = new Map<string, string>();
  const durations: number[][] = [];
  const { displayWidth, displayHeight } = manifest.probe.video;
  for (const r of manifest.renditions) {
    // Never upscaled, orientation kept, even sizes.
    expect(Math.min(r.width, r.height)).toBeLessThanOrEqual(Math.min(displayWidth, displayHeight));
    expect(r.width > r.height).toBe(displayWidth > displayHeight);
    expect([r.width % 2, r.height % 2]).toEqual([0, 0]);
    const playlistPath = join(dir, r.playlist);
    const playlist = parseMediaPlaylist(readFileSync(playlistPath, 'utf8'));
    const rungDir = join(playlistPath, '..');
    expect(playlist).toMatchObject({ version: 7, independentSegments: true, endList: true });
    expect(playlist.map).toBeTruthy();
    durations.push(playlist.segments.map((s) => Math.round(s.duration * 10) / 10));
    for (const [i, seg] of playlist.segments.entries()) {
      const file = joinSegment(
        rungDir,
        playlist.map as string,
        seg.uri,
        join(work, `${result.version}-${r.name}-${i}.mp4`),
      );
      expect(await firstPacketFlags(file), `${r.name} ${seg.uri}`).toMatch(/^K/);
      if (i === 0) firstSegments.set(r.name, file);
    }
  }
  // Keyframes aligned across rungs: the same segment boundaries everywhere.
  for (const d of durations) expect(d).toEqual(durations[0]);
  expect(durations[0]?.length).toBeGreaterThanOrEqual(2);
  return firstSegments;
}

export interface PictureStats {
  yavg: number;
  ymin: number;
  ymax: number;
  satavg: number;
}

/** signalstats averaged over every frame (8-bit scale): brightness, luma range and saturation. */
export async function pictureStats(file: string): Promise<PictureStats> {
  const { stdout } = await runFfmpeg([
    ...['-i', file, '-an', '-vf', 'signalstats,metadata=print:file=-', '-f', 'null', '-'],
  ]);
  const sums = { yavg: 0, ymin: 0, ymax: 0, satavg: 0 };
  let frames = 0;
  for (const [, key, value] of stdout.matchAll(/lavfi\.signalstats\.(YAVG|YMIN|YMAX|SATAVG)=([\d.]+)/g)) {
    const k = (key ?? '').toLowerCase() as keyof PictureStats;
    sums[k] += Number(value);
    if (k === 'yavg') frames++;
  }
  if (frames === 0) throw new Error(`signalstats measured no frame of ${file}`);
  return {
    yavg: sums.yavg / frames,
    ymin: sums.ymin / frames,
    ymax: sums.ymax / frames,
    satavg: sums.satavg / frames,
  };
}
