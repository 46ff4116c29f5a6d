import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { vttTimestamp } from '@artifact-stories/contracts/vtt';
import { toSdrFilter } from '../color/color.ts';
import { runFfmpeg } from '../ffmpeg/run.ts';
import type { MediaManifest, ProbeResult } from '../types.ts';
import { heightFor } from './sizes.ts';

const TILE_WIDTH = 160;
const MAX_TILES = 100;
const MAX_COLUMNS = 10;
/** Short clips get a thumbnail every 2 s; longer ones the first of these that keeps the sheet ≤ 100 tiles. */
const INTERVALS = [2, 5, 10, 15, 20, 30, 60, 120, 300];

export interface StoryboardPlan {
  intervalSec: number;
  count: number;
  columns: number;
  rows: number;
  tileWidth: number;
  tileHeight: number;
}

export function planStoryboard(probe: ProbeResult): StoryboardPlan {
  const duration = Math.max(probe.durationSec, 0.001);
  const intervalSec =
    INTERVALS.find((i) => Math.ceil(duration / i) <= MAX_TILES) ?? Math.ceil(duration / MAX_TILES);
  const count = Math.max(1, Math.ceil(duration / intervalSec));
  const columns = Math.min(MAX_COLUMNS, count);
  const tileWidth = Math.min(TILE_WIDTH, Math.max(2, 2 * Math.floor(probe.video.displayWidth / 2)));
  return {
    intervalSec,
    count,
    columns,
    rows: Math.ceil(count / columns),
    tileWidth,
    tileHeight: heightFor(tileWidth, probe),
  };
}

/**
 * Seek previews: one sprite sheet (a thumbnail every intervalSec, in a grid of at most 10 columns) made by
 * one ffmpeg run, and a WebVTT whose cues cover the whole clip and point at `sprite.jpg#xywh=…`.
 */
export async function makeStoryboard(
  input: string,
  probe: ProbeResult,
  outDir: string,
  signal?: AbortSignal,
): Promise<MediaManifest['storyboard']> {
  const plan = planStoryboard(probe);
  const dir = join(outDir, 'storyboard');
  await mkdir(dir, { recursive: true });
  // eof_action=pass lets fps emit the frame for a last, partial interval, so there is one per cue.
  // An HDR source is tone-mapped like the encode, on the small tiles (cheap).
  const toSdr = toSdrFilter(probe.video.color);
  const vf = [
    `fps=fps=1/${plan.intervalSec}:eof_action=pass`,
    `scale=${plan.tileWidth}:${plan.tileHeight},setsar=1`,
    ...(toSdr ? [toSdr] : []),
    `tile=${plan.columns}x${plan.rows}`,
  ].join(',');
  const sprite = join(dir, 'sprite.jpg');
  await runFfmpeg(
    ['-i', input, '-an', '-sn', '-dn', '-vf', vf, '-frames:v', '1', '-update', '1', '-q:v', '5', sprite],
    { signal },
  );
  await writeFile(join(dir, 'storyboard.vtt'), storyboardVtt(plan, probe.durationSec));
  return {
    vtt: 'storyboard/storyboard.vtt',
    sprite: 'storyboard/sprite.jpg',
    tileWidth: plan.tileWidth,
    tileHeight: plan.tileHeight,
    intervalSec: plan.intervalSec,
  };
}

function storyboardVtt(plan: StoryboardPlan, durationSec: number): string {
  const endMs = Math.round(durationSec * 1000);
  const cues: string[] = [];
  for (let k = 0; k < plan.count; k++) {
    const start = k * plan.intervalSec * 1000;
    const end = Math.min((k + 1) * plan.intervalSec * 1000, endMs);
    if (end <= start) break;
    const x = (k % plan.columns) * plan.tileWidth;
    const y = Math.floor(k / plan.columns) * plan.tileHeight;
    cues.push(
      `${vttTimestamp(start)} --> ${vttTimestamp(end)}\n` +
        `sprite.jpg#xywh=${x},${y},${plan.tileWidth},${plan.tileHeight}`,
    );
  }
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}
