import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FfmpegNotFoundError, resolveFfmpeg } from './binaries.ts';

function fakeBinary(dir: string, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, '#!/bin/sh\nexit 0\n');
  chmodSync(file, 0o755);
  return file;
}

describe('resolveFfmpeg', () => {
  it('prefers FFMPEG_PATH and FFPROBE_PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bin-'));
    const ff = fakeBinary(dir, 'my-ffmpeg');
    const fp = fakeBinary(dir, 'my-ffprobe');
    const found = resolveFfmpeg({ FFMPEG_PATH: ff, FFPROBE_PATH: fp, PATH: '' });
    expect(found).toMatchObject({ ffmpeg: ff, ffprobe: fp, ffmpegSource: 'env', ffprobeSource: 'env' });
  });

  it('falls back to the binaries on PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bin-'));
    fakeBinary(dir, 'ffmpeg');
    fakeBinary(dir, 'ffprobe');
    const found = resolveFfmpeg({ PATH: dir });
    // ffmpeg-static is optional and not installable offline; where it is installed it wins over PATH.
    if (found.ffmpegSource === 'system') expect(found.ffmpeg).toBe(join(dir, 'ffmpeg'));
    expect(found.ffprobe).toBe(join(dir, 'ffprobe'));
  });

  it('names the three fixes when nothing is found', () => {
    const env = { PATH: mkdtempSync(join(tmpdir(), 'empty-')), FFMPEG_PATH: '/nonexistent/ffmpeg' };
    expect(() => resolveFfmpeg(env)).toThrow(FfmpegNotFoundError);
    expect(() => resolveFfmpeg(env)).toThrow(/FFMPEG_PATH.*ffmpeg-static.*apt-get install ffmpeg/s);
  });
});
