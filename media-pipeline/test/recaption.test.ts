import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useFfmpegBinaries } from '../src/ffmpeg/binaries.ts';
import { parseMediaPlaylist } from '../src/hls/playlist.ts';
import { recaption } from '../src/recaption.ts';
import { makeClip } from '../src/synth/make-clip.ts';
import { transcode } from '../src/transcode.ts';
import type { TranscodeResult } from '../src/types.ts';
import { tempDir } from './helpers.ts';

const work = tempDir('recaption');
const videoDir = join(work, 'video');
const ranFfmpeg = join(work, 'ffmpeg-ran');
let first: TranscodeResult;

function srt(path: string, text: string): string {
  writeFileSync(path, `1\n00:00:00,500 --> 00:00:01,500\n${text}\n`);
  return path;
}

beforeAll(async () => {
  const src = await makeClip(
    { durationSec: 3, width: 320, height: 180, fps: 25, audio: true },
    join(work, 'c.mp4'),
  );
  first = await transcode({
    input: src,
    videoDir,
    captions: [
      {
        lang: 'vi',
        label: 'Tiếng Việt',
        path: srt(join(work, 'vi.srt'), 'Tiếng cồng'),
        kind: 'transcription',
      },
    ],
  });
  // From here on any ffmpeg or ffprobe run leaves a mark and fails: a caption change must start neither.
  const fake = join(work, 'fake-ffmpeg');
  writeFileSync(fake, `#!/bin/sh\ntouch '${ranFfmpeg}'\nexit 1\n`);
  chmodSync(fake, 0o755);
  useFfmpegBinaries({ ffmpegPath: fake, ffprobePath: fake });
}, 120_000);

afterAll(() => {
  useFfmpegBinaries({});
  rmSync(work, { recursive: true, force: true });
});

describe('recaption', () => {
  it('adds a language as a new version sharing every media file by hard link, with no encoder run', async () => {
    const oldMaster = readFileSync(join(first.dir, 'master.m3u8'), 'utf8');
    const result = await recaption({
      videoDir,
      fromVersion: first.version,
      captions: [
        {
          lang: 'vi',
          label: 'Tiếng Việt',
          path: srt(join(work, 'vi2.srt'), 'Tiếng cồng'),
          kind: 'transcription',
        },
        {
          lang: 'tyz',
          label: 'Tiếng Tày',
          path: srt(join(work, 'tyz.srt'), 'Slíp'),
          kind: 'translation',
          source: 'human',
        },
      ],
    });
    expect(existsSync(ranFfmpeg)).toBe(false);
    expect(result.version > first.version).toBe(true);
    expect(result.copied).toBe(0);
    // Every segment, init, poster, storyboard and MP4 file is the same inode as the old version's.
    const rung = first.manifest.renditions[0]?.name as string;
    const shared = readdirSync(join(first.dir, rung)).filter((f) => f.endsWith('.m4s') || f.endsWith('.mp4'));
    expect(shared.length).toBeGreaterThanOrEqual(2);
    for (const f of shared) {
      expect(statSync(join(result.dir, rung, f)).ino, f).toBe(statSync(join(first.dir, rung, f)).ino);
    }
    if (first.manifest.progressive) {
      const file = first.manifest.progressive.file;
      expect(statSync(join(result.dir, file)).ino).toBe(statSync(join(first.dir, file)).ino);
    }
    expect(result.linked).toBeGreaterThanOrEqual(shared.length);
    // The new master names the new language; every playlist it lists exists.
    const master = readFileSync(join(result.dir, 'master.m3u8'), 'utf8');
    expect(master).toContain('NAME="Tiếng Tày",LANGUAGE="tyz"');
    expect(master).toMatch(/NAME="Tiếng Việt",LANGUAGE="vi",.*CHARACTERISTICS="public\.accessibility/);
    for (const uri of master.split('\n').filter((l) => l.endsWith('.m3u8') && !l.startsWith('#'))) {
      expect(parseMediaPlaylist(readFileSync(join(result.dir, uri), 'utf8')).segments.length).toBeGreaterThan(
        0,
      );
    }
    expect(readFileSync(join(result.dir, 'captions/tyz.vtt'), 'utf8')).toContain('Slíp');
    const manifest = JSON.parse(readFileSync(join(result.dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ version: result.version, renditions: first.manifest.renditions });
    expect(manifest.captions.map((c: { lang: string }) => c.lang)).toEqual(['vi', 'tyz']);
    // The old version is untouched: its master is byte for byte the same and still lists only vi.
    expect(readFileSync(join(first.dir, 'master.m3u8'), 'utf8')).toBe(oldMaster);
    expect(oldMaster).not.toContain('tyz');
    expect(readdirSync(videoDir).filter((d) => d.startsWith('.'))).toEqual([]);
  });

  it('removes every caption, and refuses a bad file leaving no folder behind', async () => {
    const none = await recaption({ videoDir, fromVersion: first.version, captions: [] });
    expect(readFileSync(join(none.dir, 'master.m3u8'), 'utf8')).not.toContain('SUBTITLES');
    expect(existsSync(join(none.dir, 'captions'))).toBe(false);
    const before = readdirSync(videoDir).sort();
    const bad = join(work, 'bad.srt');
    writeFileSync(bad, '1\n00:00:09,000 --> 00:00:09,500\nafter the end\n');
    await expect(
      recaption({ videoDir, fromVersion: first.version, captions: [{ lang: 'vi', label: 'x', path: bad }] }),
    ).rejects.toThrow(/after the end of the clip/);
    expect(readdirSync(videoDir).sort()).toEqual(before);
    expect(existsSync(ranFfmpeg)).toBe(false);
  });
});
