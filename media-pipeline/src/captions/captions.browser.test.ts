import { createReadStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { launchChromium } from '../testing/chromium.ts';
import { makeClip } from '../testing/make-clip.ts';
import { transcode } from '../transcode.ts';

// Captions are HLS subtitle renditions: hls.js must put each cue at the time the caption file says, on the
// fMP4 media timeline (the X-TIMESTAMP-MAP question), in a real browser.

const HLS_JS = fileURLToPath(new URL('../../../node_modules/hls.js/dist/hls.min.js', import.meta.url));
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
  const video = document.getElementById('v');
  const hls = new Hls({ subtitleDisplay: true });
  // The track list fills in after the manifest; selecting inside the event itself is undone by hls.js.
  hls.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, () => setTimeout(() => { hls.subtitleTrack = 0; }, 0));
  hls.on(Hls.Events.MANIFEST_PARSED, () => video.play());
  hls.loadSource('/media/master.m3u8');
  hls.attachMedia(video);
</script>`;

const work = mkdtempSync(join(tmpdir(), 'captions-browser-'));
let browser: Browser | undefined;
let server: Server | undefined;
afterAll(async () => {
  await browser?.close();
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

function serve(versionDir: string): Promise<Server> {
  const srv = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    let file: string | undefined;
    if (path === '/') file = join(work, 'index.html');
    else if (path === '/hls.min.js') file = HLS_JS;
    else if (path.startsWith('/media/')) {
      const candidate = normalize(join(versionDir, decodeURIComponent(path.slice(7))));
      if (candidate.startsWith(versionDir + sep)) file = candidate;
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve(srv)));
}

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
  writeFileSync(join(work, 'index.html'), PAGE);
  server = await serve(dir);
  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
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
