import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FfmpegNotFoundError, ffmpegBinaries, resolveFfmpeg, useFfmpegBinaries } from './binaries.ts';

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
    const found = resolveFfmpeg({ ffmpegPath: ff, ffprobePath: fp }, '');
    expect(found).toMatchObject({ ffmpeg: ff, ffprobe: fp, ffmpegSource: 'env', ffprobeSource: 'env' });
  });

  it('falls back to the binaries on PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bin-'));
    fakeBinary(dir, 'ffmpeg');
    fakeBinary(dir, 'ffprobe');
    const found = resolveFfmpeg({}, dir);
    // ffmpeg-static is optional and not installable offline; where it is installed it wins over PATH.
    if (found.ffmpegSource === 'system') expect(found.ffmpeg).toBe(join(dir, 'ffmpeg'));
    expect(found.ffprobe).toBe(join(dir, 'ffprobe'));
  });

  it('names the three fixes when nothing is found', () => {
    const empty = mkdtempSync(join(tmpdir(), 'empty-'));
    const paths = { ffmpegPath: '/nonexistent/ffmpeg' };
    expect(() => resolveFfmpeg(paths, empty)).toThrow(FfmpegNotFoundError);
    expect(() => resolveFfmpeg(paths, empty)).toThrow(/FFMPEG_PATH.*ffmpeg-static.*apt-get install ffmpeg/s);
  });

  it('runs the binaries an entry point names, and forgets them when told to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bin-'));
    const ff = fakeBinary(dir, 'configured-ffmpeg');
    const fp = fakeBinary(dir, 'configured-ffprobe');
    try {
      useFfmpegBinaries({ ffmpegPath: ff, ffprobePath: fp });
      expect(ffmpegBinaries()).toMatchObject({ ffmpeg: ff, ffprobe: fp, ffmpegSource: 'env' });
      // Empty strings are "not set", as FFMPEG_PATH= is in the api's configuration.
      useFfmpegBinaries({ ffmpegPath: '', ffprobePath: '' });
      expect(ffmpegBinaries().ffmpeg).not.toBe(ff);
    } finally {
      useFfmpegBinaries({});
    }
  });
});
