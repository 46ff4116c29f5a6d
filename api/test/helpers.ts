import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { MediaManifest } from '@artifact-stories/media-pipeline';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig, type RawConfig } from '../src/config.ts';
import { seedArtifacts, seedReference } from '../src/services/seed.service.ts';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  dataDir: string;
}

/**
 * A real app on a real SQLite file in a fresh folder. `catalogue: true` loads the fixture groups and
 * artifacts (no clips: tests that need media make their own). No worker unless asked.
 */
export async function makeTestApp(
  options: { catalogue?: boolean; config?: Partial<RawConfig> } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'artifact-stories-'));
  const config = loadConfig({}, { DATA_DIR: dataDir, SEED: 'none', WORKER: 'off', ...options.config });
  const app = await buildApp(config);
  if (options.catalogue) {
    seedReference(app.repos);
    seedArtifacts(app.repos);
    app.catalogue.refreshReference();
    await app.searchSync.drain();
  }
  return { app, config, dataDir };
}

/** A manifest with every field the pipeline writes, for tests about serving rather than transcoding. */
export function fakeManifest(version: string, overrides: Partial<MediaManifest> = {}): MediaManifest {
  return {
    version,
    master: 'master.m3u8',
    createdAt: new Date(0).toISOString(),
    probe: {
      durationSec: 12.5,
      sizeBytes: 1000,
      formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
      video: {
        codec: 'h264',
        width: 640,
        height: 360,
        displayWidth: 640,
        displayHeight: 360,
        rotation: 0,
        sar: [1, 1],
        fps: 25,
        frameCount: 312,
        pixFmt: 'yuv420p',
        bitRate: 900_000,
      },
      audio: { codec: 'aac', channels: 2, sampleRate: 48_000, bitRate: 96_000 },
    },
    renditions: [
      {
        name: '360p',
        width: 640,
        height: 360,
        fps: 25,
        bandwidth: 900_000,
        averageBandwidth: 800_000,
        codecs: 'avc1.64001e,mp4a.40.2',
        playlist: '360p/index.m3u8',
      },
    ],
    audioOnly: {
      name: 'audio',
      bandwidth: 70_000,
      averageBandwidth: 66_000,
      codecs: 'mp4a.40.2',
      playlist: 'audio/index.m3u8',
    },
    segmentDurationSec: 4,
    poster: { jpeg: [{ width: 320, height: 180, file: 'poster/poster-320.jpg' }], webp: [] },
    storyboard: null,
    captions: [{ lang: 'en', label: 'English', vtt: 'captions/en.vtt', playlist: 'captions/en.m3u8' }],
    ...overrides,
  };
}

/**
 * Gives a fixture artifact a ready video described by `manifest`, as its current one. Returns the video's
 * id and its version folder, which the caller fills with whatever files its test serves.
 */
export function attachReadyManifest(
  t: TestApp,
  slug: string,
  manifest: MediaManifest,
): { videoId: string; dir: string } {
  const artifact = t.app.repos.artifacts.bySlug(slug);
  if (!artifact) throw new Error(`fixture ${slug} missing`);
  const video = t.app.repos.videos.create({
    artifactId: artifact.id,
    sourcePath: '/nonexistent/source.mp4',
    sourceName: 'source.mp4',
    sourceSize: 1,
  });
  t.app.repos.videos.markReady(video.id, manifest.version, manifest);
  t.app.repos.artifacts.setCurrentVideo(artifact.id, video.id);
  return { videoId: video.id, dir: join(t.config.mediaDir, video.id, manifest.version) };
}

/**
 * Gives a fixture artifact a ready video whose version folder is written by hand: the master playlist and
 * every poster and caption file the manifest lists (tiny stand-ins). For tests about serving and
 * describing media, not about transcoding.
 */
export function attachFakeVideo(t: TestApp, slug: string, manifest = fakeManifest('v1')): string {
  const { videoId, dir } = attachReadyManifest(t, slug, manifest);
  const write = (file: string, data: string | Buffer) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), data);
  };
  write(manifest.master, '#EXTM3U\n#EXT-X-VERSION:7\n');
  for (const p of [...manifest.poster.jpeg, ...manifest.poster.webp])
    write(p.file, Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  for (const c of manifest.captions) write(c.vtt, 'WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào\n');
  if (manifest.progressive) write(manifest.progressive.file, Buffer.alloc(64, 0));
  return videoId;
}
