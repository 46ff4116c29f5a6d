import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type MediaManifest, makeClip, transcode } from '@artifact-stories/media-pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachReadyManifest, makeTestApp, type TestApp } from './helpers.ts';

// The progressive MP4 the pipeline really writes, served by the api's media route: whole, by Range, and
// only for a published artifact.

let t: TestApp;
let work: string;
let manifest: MediaManifest;
const clips: Record<'published' | 'draft', { slug: string; videoId: string; file: string }> = {
  published: { slug: '', videoId: '', file: '' },
  draft: { slug: '', videoId: '', file: '' },
};

const slugWhere = (status: string) =>
  (t.app.db.prepare('SELECT slug FROM artifacts WHERE status = ? LIMIT 1').get(status) as { slug: string })
    .slug;

beforeAll(async () => {
  t = await makeTestApp({ catalogue: true });
  work = mkdtempSync(join(tmpdir(), 'api-progressive-'));
  const src = await makeClip(
    { durationSec: 3, width: 640, height: 360, fps: 25, audio: true },
    join(work, 'clip.mp4'),
  );
  const result = await transcode({ input: src, videoDir: join(work, 'out') });
  manifest = result.manifest;
  for (const status of ['published', 'draft'] as const) {
    const slug = slugWhere(status);
    const { videoId, dir } = attachReadyManifest(t, slug, manifest);
    mkdirSync(dirname(dir), { recursive: true });
    cpSync(result.dir, dir, { recursive: true });
    clips[status] = { slug, videoId, file: join(dir, manifest.progressive?.file ?? 'missing') };
  }
}, 120_000);
afterAll(async () => {
  await t.app.close();
  rmSync(work, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const urlOf = (which: 'published' | 'draft') =>
  `/media/${clips[which].videoId}/${manifest.version}/${manifest.progressive?.file}`;

describe('the progressive MP4 on /media/', () => {
  it('is named in the artifact API with its size, for a "x MB" before any download', async () => {
    const { video } = (await get(`/api/artifacts/${clips.published.slug}`)).json();
    const bytes = readFileSync(clips.published.file).length;
    expect(video.progressive).toEqual({
      url: urlOf('published'),
      width: 640,
      height: 360,
      bytes,
      bandwidth: manifest.progressive?.bandwidth,
    });
  });

  it('is served whole and by Range, with its index in the first bytes', async () => {
    const file = readFileSync(clips.published.file);
    const whole = await get(urlOf('published'));
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toMatch(/^video\/mp4/);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(Number(whole.headers['content-length'])).toBe(file.length);
    expect(whole.headers['access-control-allow-origin']).toBe('*');
    // The whole film in one file: revalidated every minute like a playlist, so a takedown reaches caches.
    expect(whole.headers['cache-control']).toBe('public, max-age=60, must-revalidate');

    const head = await get(urlOf('published'), { range: 'bytes=0-4095' });
    expect(head.statusCode).toBe(206);
    expect(head.headers['content-range']).toBe(`bytes 0-4095/${file.length}`);
    expect(head.rawPayload.equals(file.subarray(0, 4096))).toBe(true);
    // ftyp, then moov: a player knows every sample's place from the first request and seeks by Range.
    const ftypSize = head.rawPayload.readUInt32BE(0);
    expect(head.rawPayload.toString('latin1', 4, 8)).toBe('ftyp');
    expect(head.rawPayload.toString('latin1', ftypSize + 4, ftypSize + 8)).toBe('moov');

    const tail = await get(urlOf('published'), { range: 'bytes=-1000' });
    expect(tail.statusCode).toBe(206);
    expect(tail.rawPayload.equals(file.subarray(file.length - 1000))).toBe(true);
  });

  it("404s a draft's file, whole or by Range, and the file of an artifact taken back to draft", async () => {
    for (const headers of [{}, { range: 'bytes=0-4095' }] as Record<string, string>[]) {
      expect((await get(urlOf('draft'), headers)).statusCode).toBe(404);
    }
    const artifact = t.app.repos.artifacts.bySlug(clips.published.slug);
    if (!artifact) throw new Error('fixture missing');
    t.app.repos.artifacts.setStatus(artifact.id, 'draft');
    try {
      expect((await get(urlOf('published'), { range: 'bytes=0-4095' })).statusCode).toBe(404);
    } finally {
      t.app.repos.artifacts.setStatus(artifact.id, 'published');
    }
    expect((await get(urlOf('published'), { range: 'bytes=0-4095' })).statusCode).toBe(206);
  });
});
