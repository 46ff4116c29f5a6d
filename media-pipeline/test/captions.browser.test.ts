import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { makeClip } from '../src/synth/make-clip.ts';
import { launchChromium } from '../src/testing/chromium.ts';
import { type HlsPage, serveHlsPage } from '../src/testing/hls-page.ts';
import { transcode } from '../src/transcode.ts';

// Captions are HLS subtitle renditions: hls.js must put each cue at the time the caption file says, on the
// fMP4 media timeline (the X-TIMESTAMP-MAP question), in a real browser.

const work = mkdtempSync(join(tmpdir(), 'captions-browser-'));
let browser: Browser | undefined;
let server: HlsPage | undefined;
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

it('hls.js shows each caption cue at the time the file gives it', async () => {
  const clip = await makeClip(
    { durationSec: 6, width: 320, height: 180, fps: 25, audio: true },
    join(work, 'clip.mp4'),
  );
  const srt = join(work, 'vi.srt');
  writeFileSync(srt, '1\n00:00:01,000 --> 00:00:02,500\nMột\n\n2\n00:00:03,000 --> 00:00:04,500\nHai\n');
  const { dir } = await transcode({
    input: clip,
    videoDir: join(work, 'media'),
    captions: [{ lang: 'vi', label: 'Tiếng Việt', path: srt }],
  });
  server = await serveHlsPage(dir, {
    config: { subtitleDisplay: true },
    // The track list fills in after the manifest; selecting inside the event itself is undone by hls.js.
    setup:
      'hls.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, () => setTimeout(() => { hls.subtitleTrack = 0; }, 0));',
  });
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(server.url);
  // Strings run in the page (DOM types are not part of this Node project).
  await page.waitForFunction(
    "[...document.getElementById('v').textTracks].some((t) => t.cues && t.cues.length === 2)",
    null,
    { timeout: 30_000 },
  );
  const cues = (await page.evaluate(
    `[...document.getElementById('v').textTracks].flatMap((t) =>
       t.cues && t.cues.length === 2 ? [...t.cues].map((c) => [c.startTime, c.endTime, c.text]) : [])`,
  )) as [number, number, string][];
  const expected: [number, number, string][] = [
    [1, 2.5, 'Một'],
    [3, 4.5, 'Hai'],
  ];
  for (const [i, [start, end, text]] of expected.entries()) {
    const cue = cues[i] as [number, number, string];
    expect(cue[2]).toBe(text);
    expect(Math.abs(cue[0] - start)).toBeLessThan(0.1);
    expect(Math.abs(cue[1] - end)).toBeLessThan(0.1);
  }
});
