import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../src/ffmpeg/run.ts';
import { makeClip } from '../src/synth/make-clip.ts';
import { launchChromium } from '../src/testing/chromium.ts';
import { transcode } from '../src/transcode.ts';
import type { TranscodeResult } from '../src/types.ts';
import { ffprobeJson, tempDir } from './helpers.ts';

const work = tempDir('progressive');
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The top-level boxes of an MP4 file, in file order. */
function topLevelBoxes(file: string): string[] {
  const data = readFileSync(file);
  const boxes: string[] = [];
  for (let at = 0; at + 8 <= data.length; ) {
    let size = data.readUInt32BE(at);
    if (size === 1) size = Number(data.readBigUInt64BE(at + 8));
    else if (size === 0) size = data.length - at;
    boxes.push(data.toString('latin1', at + 4, at + 8));
    if (size < 8) break;
    at += size;
  }
  return boxes;
}

/** A hash of one stream's packets exactly as stored: equal hashes mean the same encoded bytes. */
async function packetHash(input: string, stream: string): Promise<string> {
  const { stdout } = await runFfmpeg(['-i', input, '-map', stream, '-c', 'copy', '-f', 'hash', '-']);
  return stdout.trim();
}

interface Stream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
}

describe('progressive MP4', () => {
  let landscape: TranscodeResult;
  beforeAll(async () => {
    const src = await makeClip(
      { durationSec: 6, width: 1280, height: 720, fps: 25, audio: true },
      join(work, 'land.mp4'),
    );
    landscape = await transcode({ input: src, videoDir: join(work, 'land') });
  }, 120_000);

  it('remuxes the 480p rung of a 720p clip into one faststart H.264 + AAC file as long as the clip', async () => {
    const { dir, manifest } = landscape;
    expect(manifest.renditions.map((r) => r.name)).toEqual(['720p', '480p', '360p', '240p']);
    const p = manifest.progressive;
    expect(p).toMatchObject({ file: '480p.mp4', rendition: '480p', width: 854, height: 480 });
    const file = join(dir, p?.file as string);
    expect(statSync(file).size).toBe(p?.bytes);
    expect(p?.bandwidth).toBe(Math.ceil(((p?.bytes as number) * 8) / manifest.probe.durationSec));
    expect(p?.codecs).toBe(manifest.renditions[1]?.codecs);

    // Faststart: the index (moov) comes before the media data, so playback starts before the end arrives.
    const boxes = topLevelBoxes(file);
    expect(boxes.indexOf('moov')).toBeGreaterThanOrEqual(0);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    // A plain MP4, not fragments: a browser or Mirador needs no HLS or MSE for it.
    expect(boxes).not.toContain('moof');

    const info = await ffprobeJson(['-show_streams', '-show_format', file]);
    const streams = (info.streams ?? []) as Stream[];
    expect(streams.map((s) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:aac', 'video:h264']);
    expect(streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 854, height: 480 });
    const duration = Number((info.format as { duration: string }).duration);
    expect(Math.abs(duration - manifest.probe.durationSec)).toBeLessThan(0.1);

    // The rung's own packets, copied: no second encode.
    const rung = join(dir, manifest.renditions[1]?.playlist as string);
    expect(await packetHash(file, '0:v:0')).toBe(await packetHash(rung, '0:v:0'));
    // It decodes from start to end without an error.
    const decoded = await runFfmpeg(['-v', 'error', '-i', file, '-f', 'null', '-']);
    expect(decoded.stderr.trim()).toBe('');
  });

  it('plays in Chromium as a plain <video> source, as Mirador and link previews use it', async () => {
    browser = await launchChromium();
    const page = await browser.newPage();
    // Chromium opens a media file in its own document: a <video> with this file as its src, no player code.
    await page.goto(pathToFileURL(join(landscape.dir, '480p.mp4')).href);
    await page.evaluate(
      "document.querySelector('video').muted = true; document.querySelector('video').play()",
    );
    await page.waitForFunction("document.querySelector('video').currentTime > 1.5", null, {
      timeout: 30_000,
    });
    const state = await page.evaluate(
      "(({ videoWidth, videoHeight, error }) => ({ videoWidth, videoHeight, error: error && error.message }))(document.querySelector('video'))",
    );
    expect(state).toEqual({ videoWidth: 854, videoHeight: 480, error: null });
  });

  it('makes a picture-only file from a silent clip smaller than 480p, from its top rung', async () => {
    const src = await makeClip(
      { durationSec: 5, width: 360, height: 640, fps: 25, audio: false },
      join(work, 'silent.mp4'),
    );
    const { dir, manifest } = await transcode({ input: src, videoDir: join(work, 'silent') });
    expect(manifest.progressive).toMatchObject({ file: '360p.mp4', width: 360, height: 640 });
    const info = await ffprobeJson(['-show_streams', join(dir, '360p.mp4')]);
    expect((info.streams as Stream[]).map((s) => s.codec_name)).toEqual(['h264']);
  });
});
