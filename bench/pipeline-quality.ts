// Encode-quality benchmark: today's fixed-bitrate ladder against capped CRF, per clip and rung: bytes,
// SSIM and PSNR against the source scaled to the rung's size, and the bits capped CRF saves at equal SSIM.
// Prints tables; asserts nothing.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from '../media-pipeline/src/cli/summary.ts';
import { runFfmpeg } from '../media-pipeline/src/ffmpeg/run.ts';
import { buildHlsArgs, PLAYLIST_NAME, SEGMENT_SEC } from '../media-pipeline/src/hls/args.ts';
import { planLadder } from '../media-pipeline/src/ladder/ladder.ts';
import { probeMedia } from '../media-pipeline/src/probe/probe.ts';
import type { Rung } from '../media-pipeline/src/types.ts';
import { timed } from './cpu.ts';
import { benchClips, CLIP_SEC } from './pipeline-clips.ts';

/** The fixed ladder at its planned bitrates, and at half and a quarter of them, for the SSIM-vs-bits curve. */
const FIXED_SCALES = [1, 0.5, 0.25] as const;

interface RungScore {
  bytes: number;
  ssim: number;
  psnr: number;
}

interface Variant {
  cpuSec: number;
  rungs: RungScore[];
}

/**
 * Today's ladder (before capped CRF): -b:v at the anchor, which capped CRF uses as its maxrate, with
 * maxrate 1.5× and bufsize 2× of it. Rewrites our own argument list, so everything else stays identical.
 */
function fixedBitrateArgs(args: string[], rungs: readonly Rung[], scale: number): string[] {
  const out = [...args];
  const k = (bps: number) => `${Math.round(bps / 1000)}k`;
  for (const [i, r] of rungs.entries()) {
    const bps = r.maxrate * scale;
    const crf = out.indexOf(`-crf:v:${i}`);
    out.splice(crf, 2, `-b:v:${i}`, k(bps));
    out[out.indexOf(`-maxrate:v:${i}`) + 1] = k(bps * 1.5);
    out[out.indexOf(`-bufsize:v:${i}`) + 1] = k(bps * 2);
  }
  return out;
}

const folderBytes = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);

/**
 * SSIM and PSNR of every rung against the source scaled to the rung's size (bicubic, as the ladder
 * scales), in one ffmpeg run. Per-frame stats files, averaged here: SSIM as the mean, PSNR from the mean MSE.
 */
async function score(source: string, outDir: string, rungs: readonly Rung[]): Promise<RungScore[]> {
  const inputs = ['-i', source];
  const graph = [`[0:v]setpts=PTS-STARTPTS,split=${rungs.length}${rungs.map((_, i) => `[s${i}]`).join('')}`];
  const maps: string[] = [];
  for (const [i, r] of rungs.entries()) {
    inputs.push('-i', join(outDir, r.name, PLAYLIST_NAME));
    graph.push(
      `[s${i}]scale=${r.width}:${r.height}:flags=bicubic,setsar=1,format=yuv420p,split[ra${i}][rb${i}]`,
      `[${i + 1}:v]setpts=PTS-STARTPTS,setsar=1,format=yuv420p,split[da${i}][db${i}]`,
      `[da${i}][ra${i}]ssim=stats_file=${join(outDir, `ssim-${i}.log`)}[q${i}]`,
      `[db${i}][rb${i}]psnr=stats_file=${join(outDir, `psnr-${i}.log`)}[p${i}]`,
    );
    maps.push('-map', `[q${i}]`, '-f', 'null', '-', '-map', `[p${i}]`, '-f', 'null', '-');
  }
  await runFfmpeg([...inputs, '-filter_complex', graph.join(';'), ...maps]);
  return rungs.map((r, i) => {
    const mean = (file: string, key: string) => {
      const values = [
        ...readFileSync(join(outDir, file), 'utf8').matchAll(new RegExp(`${key}:([\\d.]+)`, 'g')),
      ];
      return values.reduce((n, m) => n + Number(m[1]), 0) / Math.max(1, values.length);
    };
    const mse = mean(`psnr-${i}.log`, 'mse_avg');
    return {
      bytes: folderBytes(join(outDir, r.name)),
      ssim: mean(`ssim-${i}.log`, 'All'),
      psnr: mse > 0 ? 10 * Math.log10((255 * 255) / mse) : 99,
    };
  });
}

/** SSIM on a scale where equal steps look alike: −10·log10(1 − SSIM) dB. */
const ssimDb = (ssim: number) => -10 * Math.log10(Math.max(1e-9, 1 - ssim));

/**
 * The fixed ladder's bytes at a given SSIM, interpolated (log bytes against SSIM dB) between the two
 * measured points around it. Outside the measured range: the nearest point and which side it is on.
 */
function fixedBytesAt(points: readonly RungScore[], ssim: number): { bytes: number; bound: '' | '≥' | '≤' } {
  const sorted = [...points].sort((a, b) => a.ssim - b.ssim);
  const target = ssimDb(ssim);
  const lo = sorted[0] as RungScore;
  const hi = sorted[sorted.length - 1] as RungScore;
  // Fixed would need more bits than its best point: saving at least this much.
  if (target >= ssimDb(hi.ssim)) return { bytes: hi.bytes, bound: '≥' };
  if (target <= ssimDb(lo.ssim)) return { bytes: lo.bytes, bound: '≤' };
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as RungScore;
    const b = sorted[i] as RungScore;
    if (target > ssimDb(b.ssim)) continue;
    const t = (target - ssimDb(a.ssim)) / Math.max(1e-9, ssimDb(b.ssim) - ssimDb(a.ssim));
    return { bytes: Math.exp(Math.log(a.bytes) + t * (Math.log(b.bytes) - Math.log(a.bytes))), bound: '' };
  }
  return { bytes: hi.bytes, bound: '≥' };
}

/** The saving as a percentage; past the fixed ladder's best point with more bits, say what was bought. */
function savedAtEqualSsim(c: RungScore, f: RungScore, at: ReturnType<typeof fixedBytesAt>): string {
  const saved = Math.round((1 - c.bytes / at.bytes) * 100);
  if (at.bound === '≥' && saved < 0) {
    return `SSIM +${(c.ssim - f.ssim).toFixed(4)} for +${Math.round((c.bytes / f.bytes - 1) * 100)} % bits`;
  }
  return `${at.bound}${saved} %`;
}

async function encode(
  args: string[],
  source: string,
  outDir: string,
  rungs: readonly Rung[],
): Promise<Variant> {
  const cost = await timed(() => runFfmpeg(args));
  return { cpuSec: cost.cpuSec, rungs: await score(source, outDir, rungs) };
}

const kbps = (bytes: number) => `${Math.round((bytes * 8) / CLIP_SEC / 1000)}`;

export async function benchEncodeQuality(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-quality-'));
  try {
    for (const clip of await benchClips()) {
      const probe = await probeMedia(clip.file);
      const rungs = planLadder(probe);
      const dir = (name: string) => {
        const d = join(scratch, name);
        rmSync(d, { recursive: true, force: true });
        mkdirSync(d, { recursive: true });
        return d;
      };
      const argsFor = (outDir: string) =>
        buildHlsArgs({ input: clip.file, probe, rungs, outDir, segmentSec: SEGMENT_SEC });
      const fixed: Variant[] = [];
      for (const scale of FIXED_SCALES) {
        const outDir = dir(`fixed-${scale}`);
        fixed.push(await encode(fixedBitrateArgs(argsFor(outDir), rungs, scale), clip.file, outDir, rungs));
      }
      const crfDir = dir('crf');
      const crf = await encode(argsFor(crfDir), clip.file, crfDir, rungs);
      const today = fixed[0] as Variant;
      const rows = [
        ['rung', 'cap', 'fixed kb/s', 'SSIM', 'PSNR', 'CRF kb/s', 'SSIM', 'PSNR', 'bits saved at equal SSIM'],
      ];
      for (const [i, r] of rungs.entries()) {
        const f = today.rungs[i] as RungScore;
        const c = crf.rungs[i] as RungScore;
        const at = fixedBytesAt(
          fixed.map((v) => v.rungs[i] as RungScore),
          c.ssim,
        );
        rows.push([
          r.name,
          `${Math.round(r.maxrate / 1000)}`,
          kbps(f.bytes),
          f.ssim.toFixed(4),
          f.psnr.toFixed(1),
          kbps(c.bytes),
          c.ssim.toFixed(4),
          c.psnr.toFixed(1),
          savedAtEqualSsim(c, f, at),
        ]);
      }
      console.log(
        `\n${clip.name} (${probe.video.displayWidth}x${probe.video.displayHeight}, ${CLIP_SEC} s): ` +
          `encode CPU capped CRF / fixed = ${(crf.cpuSec / today.cpuSec).toFixed(2)} ` +
          `(${crf.cpuSec.toFixed(1)} s / ${today.cpuSec.toFixed(1)} s)`,
      );
      console.log(table(rows));
    }
    console.log(
      '\nfixed = today’s ladder (-b:v at the cap, maxrate 1.5×, bufsize 2×); CRF = -crf 23 capped at maxrate, ' +
        'bufsize 2×. kb/s = all segment bytes over the clip. SSIM/PSNR: each rung against the source scaled ' +
        'to its size. Bits saved at equal SSIM: 1 − CRF bytes / the bytes the fixed ladder needs for CRF’s SSIM, ' +
        'interpolated on the fixed ladder run at 1×, ½× and ¼× its bitrates (≥: CRF is better than the fixed ' +
        'ladder’s best point, so the saving is at least this; ≤: worse than its lowest; negative: CRF spends more). ' +
        'Short busy clips average up to cap + bufsize / duration: the VBV starts with a full buffer.',
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
