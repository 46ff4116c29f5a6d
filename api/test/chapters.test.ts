import type { ArtifactDetail, ChapterInput, StaffChapters } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import { useReachApp } from './reach-fixtures.ts';
import { presentation3Problems } from './reach-iiif-rules.ts';
import { staffCookie } from './staff-helpers.ts';

// The fixtures' ready clip is 12.5 s long (attachReadyVideo).
const { t, get } = useReachApp();

const idOf = (slug: string) => {
  const a = t.app.repos.artifacts.bySlug(slug);
  if (!a) throw new Error(`fixture ${slug} missing`);
  return a.id;
};
const ch = (startSec: number, vi: string, en = ''): ChapterInput => ({ startSec, title: { vi, en } });

let cookie: string | undefined;
/** One sign-in for the file: the login route is rate limited. */
async function put(slug: string, chapters: unknown, headers: Record<string, string> = {}) {
  cookie ??= await staffCookie(t.app, 'editor');
  return t.app.inject({
    method: 'PUT',
    url: `/api/staff/artifacts/${idOf(slug)}/chapters`,
    payload: { chapters },
    headers: { cookie, ...headers },
  });
}

const state = (slug: string) => {
  const video = t.app.repos.videos.latestForArtifact(idOf(slug));
  const jobs = t.app.db.prepare('SELECT COUNT(*) AS n FROM jobs').get() as { n: number };
  return { version: video?.mediaVersion, jobs: jobs.n };
};

describe('staff chapters', () => {
  it('refuses a visitor without a session', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/artifacts/${idOf(t.ready)}/chapters`,
      payload: { chapters: [ch(0, 'Mở đầu')] },
    });
    expect(res.statusCode).toBe(401);
    expect(t.app.repos.chapters.forArtifact(idOf(t.ready))).toEqual([]);
  });

  it('saves them sorted, with no transcode and no new media version', async () => {
    const before = state(t.ready);
    const res = await put(t.ready, [ch(6, 'Thổi khèn', 'Playing'), ch(0, ' Mở đầu ')]);
    expect(res.statusCode).toBe(200);
    const body = res.json<StaffChapters>();
    expect(body).toEqual({ durationSec: 12.5, chapters: [ch(0, 'Mở đầu'), ch(6, 'Thổi khèn', 'Playing')] });
    expect(state(t.ready)).toEqual(before);
  });

  it.each<[string, ChapterInput[], string, RegExp, RegExp]>([
    [
      'a start past the end',
      [ch(0, 'A'), ch(13, 'B')],
      'chapters.1.startSec',
      /only 0:12.5 long/,
      /phim chỉ dài/,
    ],
    [
      'two equal starts',
      [ch(3, 'A'), ch(3, 'B')],
      'chapters.1.startSec',
      /both start at 0:03/,
      /cùng bắt đầu/,
    ],
    [
      'no Vietnamese title',
      [ch(0, 'A'), ch(2, '', 'B')],
      'chapters.1.title',
      /no Vietnamese title/,
      /chưa có tên/,
    ],
  ])('refuses %s with 400 in both languages and keeps what was saved', async (_n, list, field, en, vi) => {
    const saved = t.app.repos.chapters.forArtifact(idOf(t.ready));
    const res = await put(t.ready, list);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_chapters', field, message: expect.stringMatching(en) });
    const inVi = await put(t.ready, list, { 'accept-language': 'vi' });
    expect(inVi.json().message).toMatch(vi);
    expect(t.app.repos.chapters.forArtifact(idOf(t.ready))).toEqual(saved);
  });

  it('refuses chapters on an artifact without a ready film, saying to upload it first', async () => {
    const res = await put(t.bare, [ch(0, 'A')]);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/Upload the film first/);
  });
});

describe('public chapters', () => {
  it('are in the published JSON, each ending where the next starts', async () => {
    await put(t.ready, [ch(0, 'Mở đầu'), ch(6, 'Thổi khèn', 'Playing')]);
    const detail = (await get(`/api/artifacts/${t.ready}`)).json<ArtifactDetail>();
    expect(detail.video?.chaptersVtt).toBe(`/api/artifacts/${t.ready}/chapters.vtt`);
    expect(detail.video?.chapters).toEqual([
      { startSec: 0, endSec: 6, title: { vi: 'Mở đầu', en: '' } },
      { startSec: 6, endSec: 12.5, title: { vi: 'Thổi khèn', en: 'Playing' } },
    ]);
  });

  it('are served as a WebVTT chapters track in either language, cached like playlists', async () => {
    await put(t.ready, [ch(0, 'Mở đầu'), ch(6, 'Thổi khèn', 'Playing')]);
    const en = await get(`/api/artifacts/${t.ready}/chapters.vtt?lang=en`);
    expect(en.statusCode).toBe(200);
    expect(en.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(en.headers['cache-control']).toMatch(/max-age=60, must-revalidate/);
    expect(en.body).toBe(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:06.000\nMở đầu\n\n2\n00:00:06.000 --> 00:00:12.500\nPlaying\n',
    );
    expect((await get(`/api/artifacts/${t.ready}/chapters.vtt`)).body).toContain('\nThổi khèn\n');
  });

  it('are Ranges of the IIIF Manifest that pass the Presentation 3 checks', async () => {
    await put(t.ready, [ch(0, 'Mở đầu'), ch(6, 'Thổi khèn', 'Playing')]);
    const m = (await get(`/iiif/artifacts/${t.ready}/manifest.json`)).json();
    expect(presentation3Problems(m)).toEqual([]);
    expect(m.structures[0].items).toHaveLength(2);
  });

  it('never leak from a draft', async () => {
    const saved = await put(t.draft, [ch(0, 'Bí mật')]);
    expect(saved.statusCode).toBe(200);
    expect((await get(`/api/artifacts/${t.draft}`)).statusCode).toBe(404);
    const vtt = await get(`/api/artifacts/${t.draft}/chapters.vtt`);
    expect(vtt.statusCode).toBe(404);
    expect(vtt.body).not.toContain('Bí mật');
  });
});
