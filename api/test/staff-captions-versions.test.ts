// A caption change on a video that is on show: a 'captions' job run by the app's own worker makes a new version
// sharing the old one's media by hard link. Real SQLite, real files, real HTTP routes; no ffmpeg involved.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArtifactDetail, StaffArtifactDetail } from '@artifact-stories/contracts/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachFakeVideo, makeTestApp, type TestApp } from './helpers.ts';
import { staffCookie } from './staff-helpers.ts';
import { waitFor } from './wait.ts';

let t: TestApp;
let cookie: string;
let published: { id: number; slug: string };
let draft: { id: number; slug: string };

const SRT = '1\n00:00:00,500 --> 00:00:02,000\nSlíp lỏ\n';
const SEGMENT = '360p/seg_00000.m4s';

function slugOf(status: string) {
  return t.app.db.prepare(`SELECT id, slug FROM artifacts WHERE status = ? LIMIT 1`).get(status) as {
    id: number;
    slug: string;
  };
}

/** A ready video on show with a segment file, so sharing it can be checked. */
function videoOn(slug: string): string {
  const videoId = attachFakeVideo(t, slug);
  const dir = join(t.config.mediaDir, videoId, 'v1');
  mkdirSync(join(dir, '360p'), { recursive: true });
  writeFileSync(join(dir, SEGMENT), Buffer.alloc(1000, 7));
  // What the pipeline writes beside the media: the caption change starts from it.
  const manifest = t.app.repos.videos.byId(videoId)?.manifest;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return videoId;
}

const send = (method: 'PUT' | 'DELETE', id: number, lang: string, query = '', accept = 'en') =>
  t.app.inject({
    method,
    url: `/api/staff/artifacts/${id}/captions/${lang}${query}`,
    ...(method === 'PUT' ? { payload: SRT } : {}),
    headers: {
      cookie,
      'accept-language': accept,
      ...(method === 'PUT' ? { 'content-type': 'application/x-subrip' } : {}),
    },
  });

async function versionAfter(jobId: number, videoId: string): Promise<string> {
  const job = await waitFor(`captions job ${jobId}`, () => {
    const j = t.app.queue.get(jobId);
    return j && j.state !== 'queued' && j.state !== 'running' && j;
  });
  expect(job).toMatchObject({ state: 'succeeded', error: null });
  return t.app.repos.videos.byId(videoId)?.mediaVersion as string;
}

beforeAll(async () => {
  t = await makeTestApp({ catalogue: true, config: { WORKER: 'inline' } });
  cookie = await staffCookie(t.app, 'editor');
  published = slugOf('published');
  draft = slugOf('draft');
});
afterAll(async () => t.app.close());

describe('caption changes without a transcode', () => {
  it('adds a Tày transcription as a new version sharing the media, served beside the old one', async () => {
    const videoId = videoOn(published.slug);
    const res = await send('PUT', published.id, 'TYZ', '?kind=transcription&source=machine');
    expect(res.statusCode).toBe(200);
    const detail = res.json<StaffArtifactDetail>();
    expect(detail.video?.captions).toEqual([
      { lang: 'tyz', label: 'Tiếng Tày', kind: 'transcription', source: 'machine' },
    ]);
    const job = t.app.queue.get(detail.video?.jobId ?? 0);
    expect(job).toMatchObject({ type: 'captions', payload: { videoId } });
    const version = await versionAfter(job?.id ?? 0, videoId);
    expect(version).not.toBe('v1');

    const media = (v: string, file: string) => join(t.config.mediaDir, videoId, v, file);
    expect(statSync(media(version, SEGMENT)).ino).toBe(statSync(media('v1', SEGMENT)).ino);
    const master = await t.app.inject({ method: 'GET', url: `/media/${videoId}/${version}/master.m3u8` });
    expect(master.statusCode).toBe(200);
    expect(master.body).toMatch(/NAME="Tiếng Tày",LANGUAGE="tyz",.*CHARACTERISTICS=/);
    // A player that loaded the old version keeps getting its files.
    const old = await t.app.inject({ method: 'GET', url: `/media/${videoId}/v1/master.m3u8` });
    expect(old.statusCode).toBe(200);
    expect(old.body).toBe(readFileSync(media('v1', 'master.m3u8'), 'utf8'));

    const page = await t.app.inject({ method: 'GET', url: `/api/artifacts/${published.slug}` });
    const track = page.json<ArtifactDetail>().video?.captions.find((c) => c.lang === 'tyz');
    expect(track).toMatchObject({
      name: { vi: 'Tiếng Tày', en: 'Tày' },
      kind: 'transcription',
      source: 'machine',
      url: expect.stringContaining(`/${version}/captions/tyz.vtt`),
    });

    // Removing it makes another version without it, and a second removal says there is nothing to remove.
    const removed = await send('DELETE', published.id, 'tyz');
    expect(removed.statusCode).toBe(200);
    const after = await versionAfter(removed.json<StaffArtifactDetail>().video?.jobId ?? 0, videoId);
    const again = await t.app.inject({ method: 'GET', url: `/media/${videoId}/${after}/master.m3u8` });
    expect(again.body).not.toContain('tyz');
    expect((await send('DELETE', published.id, 'tyz')).statusCode).toBe(404);
  });

  it('refuses a tag that is not a known language, in the reader’s language, with a likely fix', async () => {
    const en = await send('PUT', published.id, 'vn');
    expect(en.statusCode).toBe(400);
    expect(en.json()).toMatchObject({ code: 'invalid_language' });
    expect(en.json().message).toMatch(/^'vn' is not a language .*Did you mean 'vi' \(Vietnamese\)/);
    const vi = await send('PUT', published.id, 'vn', '', 'vi');
    expect(vi.json().message).toMatch(/^'vn' không phải là ngôn ngữ .*'vi' \(Tiếng Việt\)/);
    const odd = await send('PUT', published.id, 'x-klingon');
    expect(odd.statusCode).toBe(400);
    expect(odd.json().message).not.toMatch(/Did you mean/);
    expect((await send('PUT', published.id, 'vi', '?kind=dubbed')).statusCode).toBe(400);
  });

  it('keeps a draft’s new version off the public media routes', async () => {
    const videoId = videoOn(draft.slug);
    const res = await send('PUT', draft.id, 'blt', '?kind=transcription');
    const version = await versionAfter(res.json<StaffArtifactDetail>().video?.jobId ?? 0, videoId);
    expect(version).not.toBe('v1');
    const master = await t.app.inject({ method: 'GET', url: `/media/${videoId}/${version}/master.m3u8` });
    expect(master.statusCode).toBe(404);
  });

  it('lists a track’s cues and fixes one cue’s words as a new version, timing kept', async () => {
    const slug = t.app.db
      .prepare(`SELECT id, slug FROM artifacts WHERE status = 'published' ORDER BY id DESC LIMIT 1`)
      .get() as { id: number; slug: string };
    const videoId = videoOn(slug.slug);
    const first = await send('PUT', slug.id, 'vi');
    await versionAfter(first.json<StaffArtifactDetail>().video?.jobId ?? 0, videoId);
    const cues = await t.app.inject({
      method: 'GET',
      url: `/api/staff/artifacts/${slug.id}/captions/vi/cues`,
      headers: { cookie },
    });
    expect(cues.json()).toEqual({
      lang: 'vi',
      cues: [{ index: 0, startSec: 0.5, endSec: 2, text: 'Slíp lỏ' }],
    });
    const fix = (index: number, text: string, accept = 'en') =>
      t.app.inject({
        method: 'PUT',
        url: `/api/staff/artifacts/${slug.id}/captions/vi/cues/${index}`,
        payload: { text },
        headers: { cookie, 'accept-language': accept },
      });
    const fixed = await fix(0, '  Slíp lỏ  \n\n  bản làng ');
    expect(fixed.statusCode).toBe(200);
    const version = await versionAfter(fixed.json<StaffArtifactDetail>().video?.jobId ?? 0, videoId);
    const vtt = await t.app.inject({ method: 'GET', url: `/media/${videoId}/${version}/captions/vi.vtt` });
    expect(vtt.body).toContain('00:00:00.500 --> 00:00:02.000\nSlíp lỏ\nbản làng\n');
    expect((await fix(1, 'x')).statusCode).toBe(404);
    const arrow = await fix(0, 'a --> b', 'vi');
    expect(arrow.statusCode).toBe(400);
    expect(arrow.json().message).toMatch(/không được chứa '-->'/);
  });

  it('asks for a session', async () => {
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/staff/artifacts/${published.id}/captions/vi`,
    });
    expect(res.statusCode).toBe(401);
  });
});
