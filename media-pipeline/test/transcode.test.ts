import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FfmpegAbortedError } from '../src/ffmpeg/run.ts';
import { MediaValidationError } from '../src/probe/probe.ts';
import { makeClip } from '../src/synth/make-clip.ts';
import { transcode } from '../src/transcode.ts';
import { checkVersion, ffprobeJson, firstFrameGray, makeMarkerClip, tempDir, whiteBox } from './helpers.ts';

const work = tempDir('transcode');
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Stream {
  codec_type: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  avg_frame_rate?: string;
  channels?: number;
  sample_rate?: string;
  side_data_list?: unknown[];
}

async function streamsOf(file: string): Promise<Stream[]> {
  return ((await ffprobeJson(['-show_streams', file])).streams ?? []) as Stream[];
}

describe('transcode', () => {
  it('turns a landscape clip with audio and captions into aligned CMAF HLS with our master', async () => {
    const src = await makeClip(
      { durationSec: 5, width: 640, height: 360, fps: 25, audio: true },
      join(work, 'land.mp4'),
    );
    const srt = join(work, 'vi.srt');
    writeFileSync(
      srt,
      '1\n00:00:00,500 --> 00:00:02,000\nCồng chiêng Tây Nguyên\n\n2\n00:00:02,500 --> 00:00:04,000\nKhèn H’Mông\n',
    );
    const stages = new Set<string>();
    let last = -1;
    let monotonic = true;
    const result = await transcode({
      input: src,
      videoDir: join(work, 'land'),
      captions: [{ lang: 'vi', label: 'Tiếng Việt', path: srt }],
      onProgress: (p, stage) => {
        if (p < last) monotonic = false;
        last = p;
        stages.add(stage);
      },
    });
    expect(monotonic).toBe(true);
    expect(last).toBe(100);
    expect([...stages]).toEqual(expect.arrayContaining(['probe', 'encode', 'poster', 'done']));
    expect(result.version).toMatch(/^v[0-9a-z]+$/);
    expect(result.dir).toBe(join(work, 'land', result.version));
    const { manifest } = result;
    expect(manifest.renditions.map((r) => `${r.name} ${r.width}x${r.height}`)).toEqual([
      '360p 640x360',
      '240p 426x240',
    ]);
    const firsts = await checkVersion(result, work);

    const top = await streamsOf(firsts.get('360p') as string);
    expect(top.find((s) => s.codec_type === 'video')).toMatchObject({
      width: 640,
      height: 360,
      avg_frame_rate: '25/1',
    });
    expect(top.find((s) => s.codec_type === 'audio')).toMatchObject({ channels: 2, sample_rate: '48000' });

    const master = readFileSync(join(result.dir, 'master.m3u8'), 'utf8');
    expect(master.startsWith('#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-INDEPENDENT-SEGMENTS\n')).toBe(true);
    expect(master).toMatch(
      /#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="subs",NAME="Tiếng Việt",LANGUAGE="vi",.*URI="captions\/vi.m3u8"/,
    );
    for (const r of manifest.renditions) {
      expect(r.codecs).toMatch(/^avc1\.[0-9a-f]{6},mp4a\.40\.2$/);
      expect(r.averageBandwidth).toBeGreaterThan(0);
      expect(r.bandwidth).toBeGreaterThanOrEqual(r.averageBandwidth);
      expect(master).toContain(
        `#EXT-X-STREAM-INF:BANDWIDTH=${r.bandwidth},AVERAGE-BANDWIDTH=${r.averageBandwidth},CODECS="${r.codecs}",` +
          `RESOLUTION=${r.width}x${r.height},FRAME-RATE=25.000,SUBTITLES="subs"\n${r.playlist}\n`,
      );
    }
    // Main profile below 720 lines: avc1.4d....
    expect(manifest.renditions[0]?.codecs).toMatch(/^avc1\.4d/);
    // Measured bitrates: real pictures, under the 360p rung's cap (capped CRF: 800k video) plus 96k audio.
    expect(manifest.renditions[0]?.averageBandwidth).toBeGreaterThan(400_000);
    expect(manifest.renditions[0]?.averageBandwidth).toBeLessThan(1_800_000);
    const onDisk = JSON.parse(readFileSync(join(result.dir, 'manifest.json'), 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(manifest)));
    expect(existsSync(join(result.dir, 'captions/vi.m3u8'))).toBe(true);
    for (const img of manifest.poster.jpeg) expect(existsSync(join(result.dir, img.file))).toBe(true);
  });

  it('bakes a phone’s rotation into a portrait ladder (the picture turns, it is not squeezed)', async () => {
    const src = await makeMarkerClip(join(work, 'rot.mp4'), {
      width: 640,
      height: 360,
      box: [120, 120],
      rotate: 90,
    });
    const result = await transcode({ input: src, videoDir: join(work, 'rot') });
    expect(result.manifest.renditions.map((r) => `${r.width}x${r.height}`)).toEqual(['360x640', '240x426']);
    const firsts = await checkVersion(result, work);
    const file = firsts.get('360p') as string;
    const video = (await streamsOf(file)).find((s) => s.codec_type === 'video');
    expect(video).toMatchObject({ width: 360, height: 640, sample_aspect_ratio: '1:1' });
    expect(video?.side_data_list ?? []).toEqual([]); // upright pixels, no matrix left for players to apply
    const box = whiteBox(await firstFrameGray(file, 360, 640), 360);
    // The coded top-left corner moves to the bottom-left (270° clockwise) or top-right (90°) and stays square.
    const rotation = result.manifest.probe.video.rotation;
    if (rotation === 270) expect([box.x0, box.y1]).toEqual([0, 639]);
    else expect([box.x1, box.y0]).toEqual([359, 0]);
    expect(box.x1 - box.x0 + 1).toBeGreaterThanOrEqual(116);
    expect(box.x1 - box.x0 + 1).toBeLessThanOrEqual(124);
    expect(box.y1 - box.y0 + 1).toBeGreaterThanOrEqual(116);
    expect(box.y1 - box.y0 + 1).toBeLessThanOrEqual(124);
  });

  it('squares anamorphic pixels (SAR 64:45): 720x576 becomes 1024x576 and shapes keep their proportions', async () => {
    const src = await makeMarkerClip(join(work, 'pal.mp4'), {
      width: 720,
      height: 576,
      box: [90, 160],
      sar: '64:45',
    });
    const result = await transcode({ input: src, videoDir: join(work, 'pal') });
    expect(result.manifest.renditions.map((r) => `${r.name} ${r.width}x${r.height}`)).toEqual([
      '576p 1024x576',
      '480p 854x480',
      '360p 640x360',
      '240p 426x240',
    ]);
    const file = (await checkVersion(result, work)).get('576p') as string;
    expect((await streamsOf(file)).find((s) => s.codec_type === 'video')).toMatchObject({
      width: 1024,
      sample_aspect_ratio: '1:1',
    });
    const box = whiteBox(await firstFrameGray(file, 1024, 576), 1024);
    expect(box.x1 - box.x0 + 1).toBeGreaterThanOrEqual(124); // 90 × 64/45 = 128
    expect(box.x1 - box.x0 + 1).toBeLessThanOrEqual(132);
  });

  it('handles an odd-sized 60 fps source: even sizes, 480p top, 30 fps, no upscaling', async () => {
    const src = await makeClip(
      { durationSec: 5, width: 854, height: 481, fps: 60, audio: false },
      join(work, 'odd.mp4'),
    );
    const result = await transcode({ input: src, videoDir: join(work, 'odd') });
    const { renditions } = result.manifest;
    expect(renditions.map((r) => `${r.name} ${r.width}x${r.height}@${r.fps}`)).toEqual([
      '480p 854x480@30',
      '360p 640x360@30',
      '240p 428x240@30',
    ]);
    for (const r of renditions) {
      expect(Math.min(r.width, r.height)).toBeLessThanOrEqual(481);
      expect(r.codecs).toMatch(/^avc1\.[0-9a-f]{6}$/); // no audio in the source, none in the codecs
    }
    const firsts = await checkVersion(result, work);
    const streams = await streamsOf(firsts.get('480p') as string);
    expect(streams.map((s) => s.codec_type)).toEqual(['video']);
    expect(streams[0]).toMatchObject({ width: 854, height: 480, avg_frame_rate: '30/1' });
  });

  it('leaves no folder behind when aborted mid-encode', async () => {
    const src = await makeClip(
      { durationSec: 6, width: 960, height: 540, fps: 25, audio: true },
      join(work, 'abort.mp4'),
    );
    const videoDir = join(work, 'abort');
    const controller = new AbortController();
    let sawEncode = false;
    const run = transcode({
      input: src,
      videoDir,
      signal: controller.signal,
      onProgress: (p, stage) => {
        if (stage === 'encode' && p > 0 && !sawEncode) {
          sawEncode = true;
          controller.abort();
        }
      },
    });
    await expect(run).rejects.toBeInstanceOf(FfmpegAbortedError);
    expect(sawEncode).toBe(true);
    expect(readdirSync(videoDir)).toEqual([]);
  });

  it('leaves nothing behind for a bad source or a bad caption file', async () => {
    const noise = join(work, 'noise.mov');
    writeFileSync(noise, Buffer.alloc(50_000, 7));
    const videoDir = join(work, 'bad');
    await expect(transcode({ input: noise, videoDir })).rejects.toBeInstanceOf(MediaValidationError);
    expect(existsSync(videoDir) ? readdirSync(videoDir) : []).toEqual([]);

    const src = await makeClip(
      { durationSec: 2, width: 320, height: 180, fps: 25, audio: false },
      join(work, 'small.mp4'),
    );
    const badCaption = join(work, 'bad.srt');
    writeFileSync(badCaption, 'this is not a caption file\n');
    await expect(
      transcode({ input: src, videoDir, captions: [{ lang: 'en', label: 'English', path: badCaption }] }),
    ).rejects.toThrow(/English/);
    expect(readdirSync(videoDir)).toEqual([]);
  });
});
