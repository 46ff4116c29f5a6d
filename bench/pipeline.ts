// Transcode benchmark: our transcode() against the same ffmpeg argument list run bare, and against one
// ffmpeg process per rung (decoding the source once per rung). Prints a table; asserts nothing.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from '../media-pipeline/src/cli/summary.ts';
import { runFfmpeg } from '../media-pipeline/src/ffmpeg/run.ts';
import { buildHlsArgs, SEGMENT_SEC } from '../media-pipeline/src/hls/args.ts';
import { planAudioOnly, planLadder } from '../media-pipeline/src/ladder/ladder.ts';
import { probeMedia } from '../media-pipeline/src/probe/probe.ts';
import { makeClip } from '../media-pipeline/src/synth/make-clip.ts';
import { transcode } from '../media-pipeline/src/transcode.ts';
import { type Cost, childCpuSec, timed } from './cpu.ts';
import { benchEncodeQuality } from './pipeline-quality.ts';

const CLIP_SEC = 60;
/** BENCH_RUNS=n repeats (a) and (b), interleaved, and keeps each one's fastest run (less noise). */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 1));

async function cachedClip(): Promise<string> {
  const dir = join(tmpdir(), 'artifact-stories-bench');
  const file = join(dir, `clip-1080p-${CLIP_SEC}s.mp4`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`making a ${CLIP_SEC} s 1080p clip once (cached at ${file})…\n`);
    await makeClip({ durationSec: CLIP_SEC, width: 1920, height: 1080, fps: 25, audio: true }, file, 'Bench');
  }
  return file;
}

const best = (a: Cost, b: Cost): Cost => ({
  wallMs: Math.min(a.wallMs, b.wallMs),
  cpuSec: Math.min(a.cpuSec, b.cpuSec),
});
const NONE: Cost = { wallMs: Number.POSITIVE_INFINITY, cpuSec: Number.POSITIVE_INFINITY };

export async function benchPipeline(): Promise<void> {
  await benchEncodeQuality();
  const input = await cachedClip();
  const probe = await probeMedia(input);
  const rungs = planLadder(probe);
  // transcode() adds the audio-only rendition; (b) runs the same argument list.
  const audioOnly = planAudioOnly(probe);
  const scratch = mkdtempSync(join(tmpdir(), 'bench-pipeline-'));
  const fresh = (name: string) => {
    const dir = join(scratch, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  let oursEncode = NONE;
  let oursTotal = NONE;
  let bare = NONE;
  try {
    for (let i = 0; i < RUNS; i++) {
      const outDir = fresh('bare');
      bare = best(
        bare,
        await timed(() =>
          runFfmpeg(buildHlsArgs({ input, probe, rungs, audioOnly, outDir, segmentSec: SEGMENT_SEC })),
        ),
      );
      let encoded = NONE;
      const cpuBefore = childCpuSec();
      const total = await timed(() =>
        transcode({
          input,
          videoDir: fresh('ours'),
          onEncoded: (ms) => {
            encoded = { wallMs: ms, cpuSec: childCpuSec() - cpuBefore };
          },
        }),
      );
      oursEncode = best(oursEncode, encoded);
      oursTotal = best(oursTotal, total);
    }
    const perRung = await timed(async () => {
      for (const rung of rungs) {
        const outDir = fresh(`rung-${rung.name}`);
        await runFfmpeg(buildHlsArgs({ input, probe, rungs: [rung], outDir, segmentSec: SEGMENT_SEC }));
      }
    });
    const row = (name: string, c: Cost) => [
      name,
      (c.wallMs / 1000).toFixed(1),
      `${(CLIP_SEC / (c.wallMs / 1000)).toFixed(2)}×`,
      (c.wallMs / bare.wallMs).toFixed(3),
      c.cpuSec.toFixed(1),
      (c.cpuSec / bare.cpuSec).toFixed(3),
    ];
    console.log(
      `source 1920x1080 25 fps ${CLIP_SEC} s + AAC; ladder ${rungs.map((r) => r.name).join(', ')}; ` +
        `best of ${RUNS} for (a) and (b)`,
    );
    console.log(
      table([
        ['variant', 'wall s', 'realtime', 'wall vs (b)', 'CPU s', 'CPU vs (b)'],
        row('(a) transcode(): encode (incl. probe)', oursEncode),
        row('(a) transcode(): total (+ poster, storyboard, master)', oursTotal),
        row('(b) bare ffmpeg, same argument list', bare),
        row('(c) one ffmpeg per rung, sequential', perRung),
      ]),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
