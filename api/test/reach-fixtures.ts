import type { ArtifactDetail, PublicVideo } from '../src/schemas/artifacts.ts';

/** A ready video as publicVideo() makes it, for builder tests that need no app. */
export function fakeVideo(overrides: Partial<PublicVideo> = {}): PublicVideo {
  return {
    id: '7f0c2a4e-1111-4222-8333-944455556666',
    hls: '/media/7f0c2a4e-1111-4222-8333-944455556666/v1/master.m3u8',
    durationSec: 64.4,
    width: 1280,
    height: 720,
    poster: {
      jpeg: [
        {
          width: 320,
          height: 180,
          url: '/media/7f0c2a4e-1111-4222-8333-944455556666/v1/poster/poster-320.jpg',
        },
        {
          width: 1280,
          height: 720,
          url: '/media/7f0c2a4e-1111-4222-8333-944455556666/v1/poster/poster-1280.jpg',
        },
      ],
      webp: [],
    },
    storyboard: null,
    captions: [
      { lang: 'vi', label: 'Tiếng Việt', url: '/media/7f0c2a4e-1111-4222-8333-944455556666/v1/vi.vtt' },
      { lang: 'en', label: 'English', url: '/media/7f0c2a4e-1111-4222-8333-944455556666/v1/en.vtt' },
    ],
    renditions: [],
    ...overrides,
  };
}

/** An artifact whose every text field tries to break out of HTML, XML, JSON or a regex replacement. */
export const HOSTILE = `</script><script>alert("x")</script><!-- & ' " $& \u2028 $1`;

export function fakeDetail(overrides: Partial<ArtifactDetail> = {}): ArtifactDetail {
  return {
    slug: 'khen-hmong',
    accessionNumber: 'BTDT-2024/0017',
    title: { vi: 'Khèn H’Mông', en: 'Hmong khèn' },
    ethnicGroups: [{ slug: 'hmong', name: { vi: 'H’Mông', en: 'Hmong' } }],
    languageFamilies: [{ slug: 'mong-dao', name: { vi: 'Mông–Dao', en: 'Hmong–Mien' } }],
    category: { slug: 'musical-instrument', name: { vi: 'Nhạc cụ', en: 'Musical instrument' } },
    region: { vi: 'Hà Giang', en: 'Ha Giang' },
    featured: false,
    publishedAt: '2024-05-01T08:00:00.000Z',
    poster: null,
    durationSec: 64.4,
    hasCaptions: true,
    story: { vi: 'Cây **khèn** được làm từ tre.', en: 'The **khèn** is made of bamboo.' },
    storyHtml: { vi: '', en: '' },
    material: { vi: 'Tre, gỗ', en: 'Bamboo, wood' },
    video: fakeVideo(),
    related: [],
    ...overrides,
  };
}

// ---- A real app for the route tests ---------------------------------------------------------------

import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.ts';
import { loadConfig, type RawConfig } from '../src/config.ts';
import { seedArtifacts, seedReference } from '../src/services/seed.service.ts';
import { fakeManifest, type TestApp } from './helpers.ts';

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

/**
 * A ready 1280×720 clip with Vietnamese and English captions and two poster widths, its files written by
 * hand: these tests are about describing media, not transcoding it.
 */
export function attachReadyVideo(t: TestApp, slug: string, version = 'v1'): string {
  const artifact = t.app.repos.artifacts.bySlug(slug);
  if (!artifact) throw new Error(`fixture ${slug} missing`);
  const video = t.app.repos.videos.create({
    artifactId: artifact.id,
    sourcePath: '/nonexistent/source.mp4',
    sourceName: 'source.mp4',
    sourceSize: 1,
  });
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
  });
  manifest.probe.durationSec = 12.5;
  manifest.probe.video.displayWidth = 1280;
  manifest.probe.video.displayHeight = 720;
  t.app.repos.videos.markReady(video.id, version, manifest);
  t.app.repos.artifacts.setCurrentVideo(artifact.id, video.id);
  const dir = join(t.config.mediaDir, video.id, version);
  mkdirSync(join(dir, 'poster'), { recursive: true });
  mkdirSync(join(dir, 'captions'), { recursive: true });
  writeFileSync(join(dir, 'master.m3u8'), '#EXTM3U\n#EXT-X-VERSION:7\n');
  for (const w of [320, 1280])
    writeFileSync(join(dir, 'poster', `poster-${w}.jpg`), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  for (const l of ['vi', 'en'])
    writeFileSync(join(dir, 'captions', `${l}.vtt`), 'WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào\n');
  return video.id;
}
