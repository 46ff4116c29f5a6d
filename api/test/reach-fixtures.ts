export { fakeDetail, fakeVideo, HOSTILE } from '../src/services/reach/fakes.ts';

// ---- A real app for the route tests ---------------------------------------------------------------

import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig, type RawConfig } from '../src/config.ts';
import { seedArtifacts, seedReference } from '../src/services/seed.service.ts';
import { attachFakeVideo, fakeManifest, type TestApp } from './helpers.ts';

const MINIMAL_INDEX = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <title>Câu chuyện hiện vật</title>
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="/assets/index.js"></script>
  </body>
</html>
`;

/**
 * makeTestApp({ catalogue: true }) plus a web build to serve: the real web/dist when it has been built,
 * else a minimal index.html in the test's own folder (the artifact pages need one to inject into).
 */
export async function makeReachApp(config: Partial<RawConfig> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'artifact-stories-reach-'));
  const base = loadConfig({}, { DATA_DIR: dataDir, SEED: 'none', WORKER: 'off', ...config });
  let webDist = base.webDist;
  if (!existsSync(join(webDist, 'index.html'))) {
    webDist = join(dataDir, 'web-dist');
    mkdirSync(webDist);
    writeFileSync(join(webDist, 'index.html'), MINIMAL_INDEX);
  }
  const app = await buildApp({ ...base, webDist });
  seedReference(app.repos);
  seedArtifacts(app.repos);
  app.catalogue.refreshReference();
  return { app, config: { ...base, webDist }, dataDir };
}

export const slugsWhere = (t: TestApp, status: 'published' | 'draft', limit = 1): string[] =>
  (
    t.app.db
      .prepare(`SELECT slug FROM artifacts WHERE status = ? ORDER BY id LIMIT ?`)
      .all(status, limit) as {
      slug: string;
    }[]
  ).map((r) => r.slug);

/** A ready 1280×720 clip with Vietnamese and English captions and two poster widths (see attachFakeVideo). */
export function attachReadyVideo(t: TestApp, slug: string, version = 'v1'): string {
  const manifest = fakeManifest(version, {
    poster: {
      jpeg: [
        { width: 320, height: 180, file: 'poster/poster-320.jpg' },
        { width: 1280, height: 720, file: 'poster/poster-1280.jpg' },
      ],
      webp: [],
    },
    captions: [
      { lang: 'vi', label: 'Tiếng Việt', vtt: 'captions/vi.vtt', playlist: 'captions/vi.m3u8' },
      { lang: 'en', label: 'English', vtt: 'captions/en.vtt', playlist: 'captions/en.m3u8' },
    ],
    progressive: {
      file: '480p.mp4',
      rendition: '480p',
      width: 854,
      height: 480,
      bytes: 2_300_000,
      bandwidth: 1_472_000,
      codecs: 'avc1.4d401f,mp4a.40.2',
    },
  });
  manifest.probe.durationSec = 12.5;
  manifest.probe.video.displayWidth = 1280;
  manifest.probe.video.displayHeight = 720;
  return attachFakeVideo(t, slug, manifest);
}

/** Where inject() requests come from: the absolute URLs the routes build start with it. */
export const ORIGIN = 'http://localhost:80';

interface ReachApp extends TestApp {
  /** Published, with a ready clip. */
  ready: string;
  /** Published, no video. */
  bare: string;
  /** A draft, with a ready clip. */
  draft: string;
}

/**
 * The app of a route test file, made in its beforeAll and closed in its afterAll (`t` is filled then).
 * `get` injects a GET; `local` checks that an absolute URL is ours and gives its path.
 */
export function useReachApp() {
  const t = {} as ReachApp;
  beforeAll(async () => {
    Object.assign(t, await makeReachApp());
    [t.ready, t.bare] = slugsWhere(t, 'published', 2) as [string, string];
    [t.draft] = slugsWhere(t, 'draft') as [string];
    attachReadyVideo(t, t.ready);
    attachReadyVideo(t, t.draft);
  });
  afterAll(async () => t.app.close());
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const local = (url: string) => {
    expect(url.startsWith(`${ORIGIN}/`), url).toBe(true);
    return url.slice(ORIGIN.length);
  };
  return { t, get, local };
}
