import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachReadyManifest, fakeManifest, makeTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let publicId: string;
let draftId: string;
const VERSION = 'v1';

const manifest = fakeManifest(VERSION);

/** A finished version folder as the pipeline leaves it, written by hand: this test is about serving. */
function placeMedia(videoId: string): void {
  const dir = join(t.config.mediaDir, videoId, VERSION);
  mkdirSync(join(dir, 'poster'), { recursive: true });
  writeFileSync(join(dir, 'master.m3u8'), '#EXTM3U\n#EXT-X-VERSION:7\n');
  writeFileSync(join(dir, 'seg_0.m4s'), Buffer.alloc(1000, 7));
  writeFileSync(join(dir, 'init.mp4'), Buffer.alloc(100, 1));
  writeFileSync(join(dir, 'poster', 'poster-320.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  writeFileSync(join(dir, 'en.vtt'), 'WEBVTT\n');
  mkdirSync(join(t.config.mediaDir, videoId, '.tmp-v2-abc'), { recursive: true });
  writeFileSync(join(t.config.mediaDir, videoId, '.tmp-v2-abc', 'master.m3u8'), '#EXTM3U\n');
  symlinkSync('/etc/passwd', join(dir, 'passwd.m3u8'));
}

function attachVideo(slug: string): string {
  const { videoId } = attachReadyManifest(t, slug, manifest);
  placeMedia(videoId);
  return videoId;
}

beforeAll(async () => {
  t = await makeTestApp({ catalogue: true });
  const published = t.app.db
    .prepare(`SELECT slug FROM artifacts WHERE status = 'published' LIMIT 1`)
    .get() as {
    slug: string;
  };
  const draft = t.app.db.prepare(`SELECT slug FROM artifacts WHERE status = 'draft' LIMIT 1`).get() as {
    slug: string;
  };
  publicId = attachVideo(published.slug);
  draftId = attachVideo(draft.slug);
  writeFileSync(join(t.dataDir, 'secret.txt'), 'do not serve');
});
afterAll(async () => t.app.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

describe('/media/', () => {
  it('serves a published version with the right content types, CORS, and caching (segments for good)', async () => {
    const types: [string, RegExp][] = [
      ['master.m3u8', /^application\/vnd\.apple\.mpegurl/],
      ['seg_0.m4s', /^video\/iso\.segment/],
      ['init.mp4', /^video\/mp4/],
      ['en.vtt', /^text\/vtt/],
      ['poster/poster-320.jpg', /^image\/jpeg/],
    ];
    for (const [file, type] of types) {
      const res = await get(`/media/${publicId}/${VERSION}/${file}`);
      expect(res.statusCode, file).toBe(200);
      expect(res.headers['content-type']).toMatch(type);
      expect(res.headers['access-control-allow-origin']).toBe('*');
      // What names the film lives a minute so a takedown reaches caches; segment bytes are immutable.
      expect(res.headers['cache-control']).toBe(
        /\.(m4s|mp4)$/.test(file)
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=60, must-revalidate',
      );
    }
  });

  it('honours Range requests', async () => {
    const res = await get(`/media/${publicId}/${VERSION}/seg_0.m4s`, { range: 'bytes=100-199' });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe('bytes 100-199/1000');
    expect(res.rawPayload.length).toBe(100);
  });

  it('is exposed through the artifact API', async () => {
    const slug = (
      t.app.db.prepare('SELECT slug FROM artifacts WHERE current_video_id = ?').get(publicId) as {
        slug: string;
      }
    ).slug;
    const body = (await get(`/api/artifacts/${slug}`)).json() as {
      video: {
        hls: string;
        poster: { jpeg: { url: string }[] };
        audioOnly?: { url: string; bandwidth: number; averageBandwidth: number };
      };
    };
    expect(body.video.hls).toBe(`/media/${publicId}/${VERSION}/master.m3u8`);
    // The sound track alone, which the master does not list, for the "audio only" data saver.
    expect(body.video.audioOnly).toEqual({
      url: `/media/${publicId}/${VERSION}/audio/index.m3u8`,
      bandwidth: 70_000,
      averageBandwidth: 66_000,
    });
    expect((await get(body.video.poster.jpeg[0]?.url ?? '')).statusCode).toBe(200);
  });

  it('404s every way out of the media folder', async () => {
    const forms = [
      `/media/${publicId}/${VERSION}/../../../secret.txt`,
      `/media/${publicId}/${VERSION}/%2e%2e/%2e%2e/%2e%2e/secret.txt`,
      `/media/${publicId}/${VERSION}/%2E%2E%2F%2E%2E%2F%2E%2E%2Fsecret.txt`,
      `/media/${publicId}/${VERSION}/..%2f..%2f..%2fsecret.txt`,
      `/media/${publicId}/${VERSION}/%252e%252e/%252e%252e/secret.txt`,
      `/media/${publicId}/${VERSION}/..%5c..%5c..%5csecret.txt`,
      `/media/${publicId}/${VERSION}/....//....//secret.txt`,
      `/media/${publicId}/${VERSION}/%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt`,
      `/media/${publicId}/${VERSION}/master.m3u8%00.jpg`,
      `/media/${publicId}/${VERSION}/passwd.m3u8`,
      `/media/..%2f..%2fetc/passwd`,
      `/media//etc/passwd`,
      `/media/${publicId}/.tmp-v2-abc/master.m3u8`,
      `/media/${publicId}/${VERSION}/`,
      `/media/${publicId}/`,
      `/media/`,
      `/media/${publicId}/${VERSION}/poster/`,
    ];
    for (const url of forms) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('root:');
      expect(res.body).not.toContain('do not serve');
    }
  });

  it("404s a draft's media and an unpublished artifact's media", async () => {
    expect((await get(`/media/${draftId}/${VERSION}/master.m3u8`)).statusCode).toBe(404);
    const row = t.app.db.prepare('SELECT id FROM artifacts WHERE current_video_id = ?').get(publicId) as {
      id: number;
    };
    t.app.repos.artifacts.setStatus(row.id, 'draft');
    expect((await get(`/media/${publicId}/${VERSION}/master.m3u8`)).statusCode).toBe(404);
    t.app.repos.artifacts.setStatus(row.id, 'published');
    expect((await get(`/media/${publicId}/${VERSION}/master.m3u8`)).statusCode).toBe(200);
  });

  it('404s the media of a failed video', async () => {
    t.app.repos.videos.setStatus(publicId, 'failed', { error: 'boom' });
    expect((await get(`/media/${publicId}/${VERSION}/master.m3u8`)).statusCode).toBe(404);
    t.app.repos.videos.markReady(publicId, VERSION, manifest);
  });
});
