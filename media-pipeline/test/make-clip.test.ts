import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFfprobe } from '../src/ffmpeg/run.ts';
import { makeClip } from '../src/synth/make-clip.ts';

describe('makeClip', () => {
  it('stores rotation and sample aspect ratio as a phone or a PAL camera would', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clip-'));
    const file = await makeClip(
      { durationSec: 2, width: 320, height: 180, fps: 25, audio: true, rotate: 90, sar: '64:45' },
      join(dir, 'c.mp4'),
      'Khèn H’Mông: test',
    );
    const { stdout } = await runFfprobe([
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_streams',
      '-show_format',
      file,
    ]);
    const info = JSON.parse(stdout);
    const video = info.streams.find((s: { codec_type: string }) => s.codec_type === 'video');
    expect(video.width).toBe(320);
    expect(video.sample_aspect_ratio).toBe('64:45');
    expect(JSON.stringify(video.side_data_list ?? video.tags)).toMatch(/rotat/i);
    expect(info.streams.some((s: { codec_type: string }) => s.codec_type === 'audio')).toBe(true);
    expect(Number(info.format.duration)).toBeCloseTo(2, 0);
  });
});
