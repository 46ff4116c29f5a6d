import { createReadStream, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../src/testing/chromium.ts';
import { makeClip } from '../src/testing/make-clip.ts';
import { transcode } from '../src/transcode.ts';
import { tempDir } from './helpers.ts';

const HLS_JS = fileURLToPath(new URL('../../node_modules/hls.js/dist/hls.min.js', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.mp4': 'video/mp4',
  '.m4s': 'video/iso.segment',
  '.vtt': 'text/vtt; charset=utf-8',
};

const PAGE = `<!doctype html><meta charset="utf-8"><video id="v" muted playsinline></video>
<script src="/hls.min.js"></script>
<script>
  window.hlsErrors = [];
  const video = document.getElementById('v');
  const hls = new Hls();
  hls.on(Hls.Events.ERROR, (_, d) => window.hlsErrors.push(d.type + ':' + d.details + (d.fatal ? ':fatal' : '')));
  hls.on(Hls.Events.MANIFEST_PARSED, () => video.play());
  hls.loadSource('/media/master.m3u8');
  hls.attachMedia(video);
  window.hls = hls;
</script>`;

/** Real HTTP: the page, hls.js from node_modules, and the version folder under /media/ (nothing else). */
function serve(versionDir: string, pageDir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let file: string | null = null;
    if (url.pathname === '/') file = join(pageDir, 'index.html');
    else if (url.pathname === '/hls.min.js') file = HLS_JS;
    else if (url.pathname.startsWith('/media/')) {
      const candidate = normalize(join(versionDir, decodeURIComponent(url.pathname.slice(7))));
      if (candidate.startsWith(versionDir + sep)) file = candidate;
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let browser: Browser | undefined;
const work = tempDir('play');
let server: Server | undefined;
afterAll(async () => {
  await browser?.close();
  server?.close();
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
    writeFileSync(join(work, 'index.html'), PAGE);
    server = await serve(dir, work);
    const { port } = server.address() as AddressInfo;
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
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
