import type { ErrorResponse, FilmsPage } from '@artifact-stories/contracts/schemas';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DRAFT_WITH_FILM, FILMS, useBrowseApp } from './browse-fixtures.ts';

const app = useBrowseApp();

async function films(qs = '', lang = 'vi') {
  const res = await app.t.app.inject({
    method: 'GET',
    url: `/api/films${qs ? `?${qs}` : ''}`,
    headers: { 'accept-language': lang },
  });
  return { status: res.statusCode, body: res.json<FilmsPage & ErrorResponse>() };
}
const slugs = (page: FilmsPage) => page.items.map((i) => i.slug);

describe('GET /api/films', () => {
  it('lists every published artifact with a ready film, newest first, and nothing else', async () => {
    const { status, body } = await films();
    expect(status).toBe(200);
    expect(slugs(body)).toEqual(FILMS.map(([slug]) => slug));
    expect(body.total).toBe(FILMS.length);
    expect(slugs(body)).not.toContain(DRAFT_WITH_FILM);
    // Published artifacts without a film (the fixtures have many) are pages, not films.
    expect(slugs(body)).not.toContain('nha-rong-ba-na');
  });

  it('never counts a draft in any facet', async () => {
    const { body } = await films();
    expect(body.facets.ethnicGroup.map((v) => v.slug)).not.toContain('co-tu');
    expect(body.facets.category.find((v) => v.slug === 'household')).toBeUndefined();
    expect(body.facets.hasCaptions).toBe(3);
    expect(body.facets.duration).toEqual([
      { slug: 'short', count: 2 },
      { slug: 'medium', count: 2 },
      { slug: 'long', count: 2 },
    ]);
  });

  it('sorts titles A–Z the Vietnamese way in either language (Đ after D, ấ before r)', async () => {
    const vi = await films('order=title&lang=vi');
    expect(slugs(vi.body)).toEqual([
      'dan-nhac-ngu-am-khmer', // Dàn nhạc
      'dan-tinh-tay', // Đàn tính: after every D
      'khen-hmong',
      'tho-cam-thai', // Tấm vải: ấ sorts as a, before r
      'trong-dong-dong-son', // Trống đồng
      'vay-lanh-hmong',
    ]);
    const en = await films('order=title&lang=en');
    expect(slugs(en.body)).toEqual([
      'trong-dong-dong-son', // Đông Sơn: between D and E, not after Z
      'vay-lanh-hmong', // H'Mông hemp
      'khen-hmong', // H'Mông khèn
      'dan-nhac-ngu-am-khmer', // Khmer
      'dan-tinh-tay', // Tày
      'tho-cam-thai', // Thái
    ]);
  });

  it('sorts shortest first', async () => {
    const { body } = await films('order=shortest');
    expect(body.items.map((i) => i.durationSec)).toEqual([90, 119.5, 120, 200, 300, 400]);
  });

  it('puts a length in one band: under 2 min, 2–5 min with 2:00 itself, 5 min and more', async () => {
    expect(slugs((await films('duration=short')).body)).toEqual(['dan-tinh-tay', 'dan-nhac-ngu-am-khmer']);
    expect(slugs((await films('duration=medium')).body)).toEqual(['khen-hmong', 'tho-cam-thai']);
    expect(slugs((await films('duration=long')).body)).toEqual(['vay-lanh-hmong', 'trong-dong-dong-son']);
  });

  it('filters by captions, group, family and category, together', async () => {
    expect(slugs((await films('hasCaptions=true')).body)).toEqual([
      'dan-tinh-tay',
      'vay-lanh-hmong',
      'trong-dong-dong-son',
    ]);
    expect(slugs((await films('hasCaptions=false')).body)).toEqual([
      'khen-hmong',
      'tho-cam-thai',
      'dan-nhac-ngu-am-khmer',
    ]);
    expect(slugs((await films('ethnicGroup=hmong')).body)).toEqual(['khen-hmong', 'vay-lanh-hmong']);
    expect(slugs((await films('languageFamily=tay-thai')).body)).toEqual(['dan-tinh-tay', 'tho-cam-thai']);
    expect(slugs((await films('category=musical-instrument&hasCaptions=false')).body)).toEqual([
      'khen-hmong',
      'dan-nhac-ngu-am-khmer',
    ]);
    expect((await films('ethnicGroup=hmong&duration=short')).body.total).toBe(0);
  });

  it("counts each filter's values with the other filters kept", async () => {
    const { body } = await films('ethnicGroup=hmong&duration=long');
    expect(slugs(body)).toEqual(['vay-lanh-hmong']);
    // Lengths of the H'Mông films, whatever length is chosen: one 2–5 min, one long.
    expect(body.facets.duration).toEqual([
      { slug: 'medium', count: 1 },
      { slug: 'long', count: 1 },
    ]);
    // Groups of the long films, whatever group is chosen.
    expect(body.facets.ethnicGroup.map((v) => [v.slug, v.count])).toEqual(
      expect.arrayContaining([
        ['hmong', 1],
        ['kinh', 1],
        ['muong', 1],
      ]),
    );
    expect(body.facets.hasCaptions).toBe(1);
    expect(body.facets.languageFamily).toEqual([
      { slug: 'mong-dao', name: { vi: 'Mông–Dao', en: 'Hmong–Mien (Mong–Dao)' }, count: 1 },
    ]);
  });

  it('keeps a chosen value in its facet even when nothing matches it', async () => {
    const { body } = await films('ethnicGroup=co-tu');
    expect(body.total).toBe(0);
    expect(body.facets.ethnicGroup.find((v) => v.slug === 'co-tu')).toMatchObject({ count: 0 });
  });

  it('pages through the same order', async () => {
    const all = slugs((await films('order=title')).body);
    const second = await films('order=title&pageSize=2&page=2');
    expect(slugs(second.body)).toEqual(all.slice(2, 4));
    expect(second.body).toMatchObject({ total: FILMS.length, page: 2, pageSize: 2 });
    expect((await films('pageSize=2&page=9')).body.items).toEqual([]);
  });

  it.each([
    ['order=longest', 'order'],
    ['duration=huge', 'duration'],
    ['hasCaptions=maybe', 'hasCaptions'],
    ['page=0', 'page'],
    ['page=10001', 'page'],
    ['pageSize=101', 'pageSize'],
    ['ethnicGroup=%3Cscript%3E', 'ethnicGroup'],
    ['lang=fr', 'lang'],
  ])('answers %s with a 400 naming the parameter, in the asker’s language', async (qs, field) => {
    const vi = await films(qs, 'vi');
    expect(vi.status).toBe(400);
    expect(vi.body).toMatchObject({ code: 'validation_failed', field });
    const en = await films(qs, 'en');
    expect(en.status).toBe(400);
    expect(en.body.message).not.toBe(vi.body.message);
    expect(en.body.message).toContain(field);
  });

  it('drops a film unpublished by another process from the very next answer, counts included', async () => {
    const before = (await films()).body;
    expect(slugs(before)).toContain('khen-hmong');
    // As the worker or a script would: another connection to the same file.
    const other = new Database(app.t.config.dbFile);
    try {
      other.prepare(`UPDATE artifacts SET status = 'draft' WHERE slug = 'khen-hmong'`).run();
      const after = (await films()).body;
      expect(slugs(after)).not.toContain('khen-hmong');
      expect(after.total).toBe(before.total - 1);
      expect(after.facets.duration.find((d) => d.slug === 'medium')?.count).toBe(1);
      // And back through the app's own connection.
      app.t.app.repos.artifacts.setStatus(
        app.t.app.repos.artifacts.bySlug('khen-hmong')?.id ?? 0,
        'published',
      );
      expect(slugs((await films()).body)).toContain('khen-hmong');
    } finally {
      other.close();
    }
  });
});
