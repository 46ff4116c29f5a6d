// The CLI's closing table: what was made, how big, and how fast compared with the clip's own length.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TranscodeResult } from '../types.ts';

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(path) : statSync(path).size;
  }
  return total;
}

const kbps = (bps: number) => `${Math.round(bps / 1000)}`;
const mb = (bytes: number) => (bytes / 1e6).toFixed(2);

export function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  '),
    )
    .join('\n');
}

/** `dir` is where the version's files ended up (the CLI moves them to the requested folder). */
export function summarise(result: TranscodeResult, dir: string): string {
  const { manifest, wallMs } = result;
  const { probe } = manifest;
  const v = probe.video;
  const rows = [['rung', 'size', 'fps', 'avg kb/s', 'peak kb/s', 'MB', 'codecs']];
  for (const r of manifest.renditions) {
    rows.push([
      r.name,
      `${r.width}x${r.height}`,
      String(r.fps),
      kbps(r.averageBandwidth),
      kbps(r.bandwidth),
      mb(folderBytes(join(dir, r.playlist, '..'))),
      r.codecs,
    ]);
  }
  const a = manifest.audioOnly;
  if (a) {
    const size = mb(folderBytes(join(dir, a.playlist, '..')));
    rows.push([a.name, '-', '-', kbps(a.averageBandwidth), kbps(a.bandwidth), size, a.codecs]);
  }
  const wallSec = wallMs / 1000;
  const source =
    `source   ${v.displayWidth}x${v.displayHeight}${v.rotation ? ` (rotated ${v.rotation}°)` : ''} ` +
    `${v.fps} fps ${v.codec}${probe.audio ? `/${probe.audio.codec}` : ', no audio'}, ${mb(probe.sizeBytes)} MB`;
  return [
    source,
    table(rows),
    `duration ${probe.durationSec.toFixed(1)} s · wall ${wallSec.toFixed(1)} s · ` +
      `${(probe.durationSec / wallSec).toFixed(2)}× realtime · total ${mb(folderBytes(dir))} MB`,
    `poster ${manifest.poster.jpeg.length + manifest.poster.webp.length} files · storyboard ` +
      `${manifest.storyboard ? 'yes' : 'no'} · captions ${manifest.captions.map((c) => c.lang).join(', ') || 'none'}`,
  ].join('\n');
}
