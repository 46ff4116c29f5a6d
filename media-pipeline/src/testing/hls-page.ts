import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HLS_JS = fileURLToPath(new URL('../../../node_modules/hls.js/dist/hls.min.js', import.meta.url));
const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.mp4': 'video/mp4',
  '.m4s': 'video/iso.segment',
  '.vtt': 'text/vtt; charset=utf-8',
};

export interface HlsPageOptions {
  /** hls.js configuration (JSON). */
  config?: Record<string, unknown>;
  /** Script run once `hls` and `video` exist, before the source loads: listeners, state for the test. */
  setup?: string;
}

export interface HlsPage {
  /** The page: it plays the version folder's master playlist as soon as it loads (muted). */
  url: string;
  close(): Promise<void>;
}

function page({ config = {}, setup = '' }: HlsPageOptions): string {
  return `<!doctype html><meta charset="utf-8"><video id="v" muted playsinline></video>
<script src="/hls.min.js"></script>
<script>
  const video = document.getElementById('v');
  const hls = new Hls(${JSON.stringify(config)});
  window.hls = hls;
  ${setup}
  hls.on(Hls.Events.MANIFEST_PARSED, () => video.play());
  hls.loadSource('/media/master.m3u8');
  hls.attachMedia(video);
</script>`;
}

/**
 * Real HTTP on 127.0.0.1 (ephemeral port) for browser tests of a transcoded version folder: a page playing
 * it with hls.js, hls.js from node_modules, and the folder under /media/ (nothing outside it).
 */
export async function serveHlsPage(versionDir: string, options: HlsPageOptions = {}): Promise<HlsPage> {
  const html = page(options);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    let file: string | undefined;
    if (path === '/hls.min.js') file = HLS_JS;
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
