// The visitor's wait: navigation to the first video frame on an artifact page (loopback, fresh browser
// context each time), and what the first page load costs in JavaScript.
import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import { build } from 'vite';
import { startSite } from '../web/test/support/app.ts';
import { allScripts, hlsChunks, initialScripts, sum } from '../web/test/support/bundle.ts';
import { publishClip } from '../web/test/support/publish.ts';
import { kb, median } from './stats.ts';

const RUNS = 10;

export async function benchWeb(): Promise<void> {
  await build({ root: new URL('../web', import.meta.url).pathname, logLevel: 'warn' });

  const initial = initialScripts();
  const hls = hlsChunks();
  console.table({
    'initial JS (no hls.js)': {
      files: initial.length,
      raw: kb(sum(initial, 'bytes')),
      gzip: kb(sum(initial, 'gzipBytes')),
    },
    'hls.js chunk (lazy)': { files: hls.length, raw: kb(sum(hls, 'bytes')), gzip: kb(sum(hls, 'gzipBytes')) },
    'all JS': {
      files: allScripts().length,
      raw: kb(sum(allScripts(), 'bytes')),
      gzip: kb(sum(allScripts(), 'gzipBytes')),
    },
  });

  const site = await startSite();
  const browser = await launchChromium();
  try {
    await publishClip(site, 'bench-khen');
    const url = new URL('/artifacts/bench-khen', site.url).href;
    const rows: { controls: number; firstFrame: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // Times are performance.now() in the page: milliseconds since navigation started.
      await page.addInitScript(() => {
        const w = window as unknown as { firstFrameAt?: number };
        new MutationObserver((_m, observer) => {
          const video = document.querySelector('video');
          if (!video) return;
          observer.disconnect();
          video.requestVideoFrameCallback(() => (w.firstFrameAt = performance.now()));
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(url);
      // A visitor who presses play the moment the button appears.
      const play = page.locator('.player .cover');
      await play.waitFor();
      const controls = await page.evaluate(() => performance.now());
      await play.click();
      await page.waitForFunction(() => (window as unknown as { firstFrameAt?: number }).firstFrameAt);
      const firstFrame = await page.evaluate(
        () => (window as unknown as { firstFrameAt: number }).firstFrameAt,
      );
      rows.push({ controls, firstFrame });
      await context.close();
    }
    console.table({
      [`artifact page, median of ${RUNS}`]: {
        'navigation → play button (ms)': Math.round(median(rows.map((r) => r.controls))),
        'navigation → first frame (ms)': Math.round(median(rows.map((r) => r.firstFrame))),
        'slowest first frame (ms)': Math.round(Math.max(...rows.map((r) => r.firstFrame))),
      },
    });
  } finally {
    await browser.close();
    await site.close();
  }
}
