// Capped CRF on real ffmpeg: the bits follow the picture. A still object spends a fraction of each rung's
// cap; a busy, grainy, moving picture spends up to the cap and never past what the rung's link carries.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../src/ffmpeg/run.ts';
import { planLadder } from '../src/ladder/ladder.ts';
import { transcode } from '../src/transcode.ts';
import type { TranscodeResult } from '../src/types.ts';
import { checkVersion, tempDir } from './helpers.ts';

const work = tempDir('capped-crf');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SIZE = '640x360';
const SEC = 8;

/**
 * A sharp, detailed picture that never moves, with a good camera's faint sensor grain: an object on a plinth
 * filmed from a tripod. The fixed-bitrate ladder spent its whole 800k on the 360p rung of this (the grain
 * soaks up whatever it is given); capped CRF spends a small fraction of it.
 */
const STILL = `testsrc2=size=${SIZE}:rate=25:duration=1,trim=end_frame=1,loop=loop=-1:size=1,trim=duration=${SEC},noise=alls=4:allf=t`;
/** The same picture moving, under heavy temporal grain: a dance filmed on a phone in a dim hall. */
const BUSY = `testsrc2=size=${SIZE}:rate=25:duration=${SEC},noise=alls=40:allf=t+u`;

async function encode(name: string, source: string): Promise<TranscodeResult> {
  const input = join(work, `${name}.mp4`);
  // Near-lossless source, so the grain survives into what the pipeline sees.
  await runFfmpeg([
    '-f',
    'lavfi',
    '-i',
    source,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-qp',
    '4',
    input,
  ]);
  return transcode({ input, videoDir: join(work, name) });
}

let still: TranscodeResult;
let busy: TranscodeResult;
beforeAll(async () => {
  still = await encode('still', STILL);
  busy = await encode('busy', BUSY);
}, 180_000);

/** The rungs as planned for this clip (a source's own low bitrate can lower a cap). */
const caps = (r: TranscodeResult) => new Map(planLadder(r.manifest.probe).map((rung) => [rung.name, rung]));

describe('capped CRF', () => {
  it('keeps the ladder streamable: aligned keyframes, equal segment counts, one rung per size', async () => {
    for (const r of [still, busy]) await checkVersion(r, work);
    expect(busy.manifest.renditions.map((r) => r.name)).toEqual(['360p', '240p']);
  });

  it('spends a fraction of each cap on a still picture', () => {
    const rungs = caps(still);
    for (const r of still.manifest.renditions) {
      const cap = rungs.get(r.name)?.maxrate ?? 0;
      expect(r.averageBandwidth, r.name).toBeLessThan(cap * 0.3);
      const moving = busy.manifest.renditions.find((b) => b.name === r.name);
      expect(r.averageBandwidth, r.name).toBeLessThan((moving?.averageBandwidth ?? 0) / 5);
    }
  });

  it('spends up to the cap on a busy, grainy picture, and no more than the cap allows', () => {
    const rungs = caps(busy);
    for (const r of busy.manifest.renditions) {
      const rung = rungs.get(r.name);
      const cap = rung?.maxrate ?? 0;
      expect(r.averageBandwidth, r.name).toBeGreaterThan(cap * 0.8);
      // Over the clip the VBV holds the cap (plus at most the buffer it started with, spread over the clip)…
      expect(r.averageBandwidth, r.name).toBeLessThan(cap + (rung?.bufsize ?? 0) / SEC);
      // …and no 4 s segment exceeds the cap plus the whole buffer: what the master's BANDWIDTH promises.
      expect(r.bandwidth, r.name).toBeLessThan(cap + (rung?.bufsize ?? 0) / 4);
    }
  });
});
