// Caption change benchmark: what adding a caption language cost before (a whole transcode of the clip)
// against what it costs now (recaption: hard links plus a few small files). Prints a table; asserts nothing.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { table } from '../media-pipeline/src/cli/summary.ts';
import { recaption } from '../media-pipeline/src/recaption.ts';
import { makeClip } from '../media-pipeline/src/synth/make-clip.ts';
import { transcode } from '../media-pipeline/src/transcode.ts';
import { timed } from './cpu.ts';

const CLIP_SEC = 20;
const RECAPTION_RUNS = 5;

async function cachedClip(): Promise<string> {
  const dir = join(tmpdir(), 'artifact-stories-bench');
  const file = join(dir, `clip-1080p-${CLIP_SEC}s.mp4`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    await makeClip({ durationSec: CLIP_SEC, width: 1920, height: 1080, fps: 25, audio: true }, file, 'Bench');
  }
  return file;
}

export async function benchCaptions(): Promise<void> {
  const input = await cachedClip();
  const scratch = mkdtempSync(join(tmpdir(), 'bench-captions-'));
  const srt = (lang: string) => {
    const path = join(scratch, `${lang}.srt`);
    writeFileSync(path, `1\n00:00:01,000 --> 00:00:03,000\nCaption ${lang}\n`);
    return { lang, label: lang, path };
  };
  try {
    const videoDir = join(scratch, 'video');
    let version = '';
    const full = await timed(async () => {
      version = (await transcode({ input, videoDir, captions: [srt('vi'), srt('en')] })).version;
    });
    const times: number[] = [];
    let linked = 0;
    for (let i = 0; i < RECAPTION_RUNS; i++) {
      const cost = await timed(async () => {
        const r = await recaption({
          videoDir,
          fromVersion: version,
          captions: [srt('vi'), srt('en'), srt('tyz')],
        });
        linked = r.linked;
      });
      times.push(cost.wallMs);
    }
    times.sort((a, b) => a - b);
    const ms = (n: number) => `${Math.round(n)} ms`;
    console.log(`Adding a caption language to a ${CLIP_SEC} s 1080p clip (${linked} media files shared):`);
    console.log(
      table([
        ['way', 'wall', 'CPU (children)'],
        ['before: full transcode', ms(full.wallMs), `${full.cpuSec.toFixed(1)} s`],
        [
          `now: recaption, median of ${RECAPTION_RUNS}`,
          ms(times[Math.floor(times.length / 2)] ?? 0),
          '0 s (no ffmpeg)',
        ],
        ['now: recaption, slowest', ms(times[times.length - 1] ?? 0), ''],
      ]),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
