import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeClip } from '../src/synth/make-clip.ts';
import { tempDir } from './helpers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'media-pipeline/src/cli.ts');
const work = tempDir('cli');
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [cli, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run transcode', () => {
  it('refuses a bad input with one line, non-zero, and no output folder', async () => {
    const input = join(work, 'holiday.jpg');
    writeFileSync(input, Buffer.from('not really a picture'));
    const out = join(work, 'bad-out');
    const { code, stdout, stderr } = await runCli(input, out);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^transcode: This file is not a video/);
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).filter((f) => f.startsWith('.'))).toEqual([]); // no staging folder left
  });

  it('leaves an existing empty outdir empty on failure, and refuses a non-empty one', async () => {
    const out = join(work, 'empty-out');
    mkdirSync(out);
    const audio = join(work, 'missing.mp4');
    const missing = await runCli(audio, out);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(out)).toEqual([]);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const busy = await runCli(audio, out);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toMatch(/not empty/);
    expect(readdirSync(out)).toEqual(['keep.txt']);
  });

  it('transcodes a portrait phone clip and prints a summary', async () => {
    const input = await makeClip(
      { durationSec: 4, width: 360, height: 640, fps: 30, audio: true },
      join(work, 'phone.mp4'),
      'Khăn piêu',
    );
    const out = join(work, 'phone-out');
    const { code, stdout } = await runCli(input, out);
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      expect.arrayContaining(['240p', '360p', 'manifest.json', 'master.m3u8', 'poster', 'storyboard']),
    );
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(
      manifest.renditions.map((r: { width: number; height: number }) => `${r.width}x${r.height}`),
    ).toEqual(['360x640', '240x426']);
    expect(stdout).toMatch(/^360p\s+360x640\s+30\s+\d+\s+\d+\s+[\d.]+\s+avc1\.\w{6},mp4a\.40\.2$/m);
    expect(stdout).toMatch(/^240p\s+240x426\s/m);
    expect(stdout).toMatch(/duration 4\.0 s · wall [\d.]+ s · [\d.]+× realtime/);
    expect(readdirSync(work).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
