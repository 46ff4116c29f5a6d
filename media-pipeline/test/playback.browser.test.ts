import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { makeClip } from '../src/synth/make-clip.ts';
import { launchChromium } from '../src/testing/chromium.ts';
import { type HlsPage, serveHlsPage } from '../src/testing/hls-page.ts';
import { transcode } from '../src/transcode.ts';
import { tempDir } from './helpers.ts';

let browser: Browser | undefined;
const work = tempDir('play');
let server: HlsPage | undefined;
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('playback in Chromium with hls.js', () => {
  it('plays the transcoded clip past 2 s without any hls.js error', async () => {
    const src = await makeClip(
      { durationSec: 6, width: 640, height: 360, fps: 25, audio: true, hue: 120 },
      join(work, 'clip.mp4'),
      'Nhà rông Ba Na',
    );
    const srt = join(work, 'en.srt');
    writeFileSync(srt, '1\n00:00:00,000 --> 00:00:03,000\nA Ba Na communal house\n');
    const { dir } = await transcode({
      input: src,
      videoDir: join(work, 'media'),
      captions: [{ lang: 'en', label: 'English', path: srt }],
    });
    server = await serveHlsPage(dir, {
      setup: `window.hlsErrors = [];
        hls.on(Hls.Events.ERROR, (_, d) => window.hlsErrors.push(d.type + ':' + d.details + (d.fatal ? ':fatal' : '')));`,
    });
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(server.url);
    // A string runs in the page (its DOM types are not in this Node project).
    await page.waitForFunction("document.getElementById('v').currentTime > 2", null, { timeout: 30_000 });
    const state = await page.evaluate(() => {
      const w = globalThis as unknown as {
        hlsErrors: string[];
        hls: { levels: { width: number; height: number }[]; subtitleTracks: { lang: string }[] };
      };
      return {
        errors: w.hlsErrors,
        levels: w.hls.levels.map((l) => `${l.width}x${l.height}`),
        subtitles: w.hls.subtitleTracks.map((t) => t.lang),
      };
    });
    expect(state.errors).toEqual([]);
    expect(state.levels.sort()).toEqual(['426x240', '640x360']);
    expect(state.subtitles).toEqual(['en']);
  });
});
