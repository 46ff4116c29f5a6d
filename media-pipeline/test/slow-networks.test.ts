// The bottom of the ladder, encoded for real: a 240p rung a slow link carries and an audio-only rendition,
// both from the one ffmpeg process, on the same segment times as the picture rungs.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMediaPlaylist } from '../src/hls/playlist.ts';
import { makeClip } from '../src/synth/make-clip.ts';
import { transcode } from '../src/transcode.ts';
import type { TranscodeResult } from '../src/types.ts';
import { checkVersion, ffprobeJson, tempDir } from './helpers.ts';

const work = tempDir('slow');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const durationsOf = (result: TranscodeResult, playlist: string): number[] =>
  parseMediaPlaylist(readFileSync(join(result.dir, playlist), 'utf8')).segments.map((s) => s.duration);

/** The audio-only rendition opened as a player would open it: its own playlist, nothing else. */
async function probeAudioOnly(result: TranscodeResult) {
  const playlist = join(result.dir, result.manifest.audioOnly?.playlist ?? 'missing');
  const probed = await ffprobeJson(['-show_streams', '-show_format', playlist]);
  const streams = (probed.streams ?? []) as { codec_type: string; codec_name: string; channels: number }[];
  const format = probed.format as { duration: string };
  return { streams, durationSec: Number(format.duration) };
}

describe('a ladder that reaches the bottom', () => {
  it('adds a 240p rung and an audio-only rendition, aligned with the picture rungs, listed after the start rung', async () => {
    const src = await makeClip(
      { durationSec: 6, width: 960, height: 540, fps: 25, audio: true },
      join(work, 'land.mp4'),
    );
    const result = await transcode({ input: src, videoDir: join(work, 'land') });
    const { manifest } = result;
    expect(manifest.renditions.map((r) => `${r.name} ${r.width}x${r.height}`)).toEqual([
      '540p 960x540',
      '360p 640x360',
      '240p 426x240',
    ]);
    // Keyframes aligned and equal segment counts across the picture rungs, none upscaled.
    await checkVersion(result, work);

    // The audio-only rendition: its own folder and playlist, AAC only, the same segment times (one AAC
    // frame of slack), so a player can swap to it, or start on it, at any segment.
    expect(manifest.audioOnly).toMatchObject({
      name: 'audio',
      codecs: 'mp4a.40.2',
      playlist: 'audio/index.m3u8',
    });
    const video = durationsOf(result, manifest.renditions[0]?.playlist as string);
    const audio = durationsOf(result, 'audio/index.m3u8');
    expect(audio).toHaveLength(video.length);
    for (const [i, d] of audio.entries()) expect(Math.abs(d - (video[i] ?? 0))).toBeLessThan(0.05);
    const alone = await probeAudioOnly(result);
    expect(alone.streams.map((s) => `${s.codec_type} ${s.codec_name} ${s.channels}`)).toEqual([
      'audio aac 2',
    ]);
    expect(alone.durationSec).toBeGreaterThan(5.8);
    expect(alone.durationSec).toBeLessThan(6.2);
    // Cheap: 64k planned, measured with the container's overhead.
    expect(manifest.audioOnly?.averageBandwidth).toBeGreaterThan(40_000);
    expect(manifest.audioOnly?.averageBandwidth).toBeLessThan(90_000);

    // The bottom rung fits slow 3G with its sound: a fraction of 400 kbit/s, even at its peak segment.
    const bottom = manifest.renditions.at(-1);
    expect(bottom?.bandwidth).toBeLessThan(320_000);

    // Safari and players without a start choice begin on the first variant: the best rung whose measured
    // peak a slow link carries (under 0.8 Mbit/s), then the rest highest first. With capped CRF a plain
    // title card's 360p rung measures under that line, so it leads; a busy clip's would not, and 240p would.
    // The audio-only rendition stays out of the master (hls.js would drop it; Safari could switch to a
    // black picture).
    const start = manifest.renditions.find((r) => r.bandwidth < 800_000);
    expect(start).toBeDefined();
    const master = readFileSync(join(result.dir, 'master.m3u8'), 'utf8');
    const variants = master.split('\n').filter((l) => l.endsWith('.m3u8'));
    expect(variants).toEqual([
      start?.playlist,
      ...manifest.renditions.filter((r) => r !== start).map((r) => r.playlist),
    ]);
    expect(master).not.toContain('audio/');
  });

  it('gives a small portrait clip the 240p rung too, and a silent clip no audio-only rendition', async () => {
    const src = await makeClip(
      { durationSec: 5, width: 270, height: 480, fps: 30, audio: false },
      join(work, 'tall.mp4'),
    );
    const result = await transcode({ input: src, videoDir: join(work, 'tall') });
    expect(result.manifest.renditions.map((r) => `${r.name} ${r.width}x${r.height}`)).toEqual([
      '270p 270x480',
      '240p 240x426',
    ]);
    await checkVersion(result, work);
    expect(result.manifest.audioOnly).toBeUndefined();
    expect(readdirSync(result.dir)).not.toContain('audio');
  });
});
