import { GROUP_DESCRIPTION_MAX_LENGTH } from '@artifact-stories/contracts/limits';
import type {
  ErrorResponse,
  EthnicGroupDetail,
  EthnicGroupList,
  GroupDescriptionInput,
} from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import { useBrowseApp } from './browse-fixtures.ts';
import { staffCookie } from './staff-helpers.ts';

const app = useBrowseApp();

const get = (url: string, lang = 'vi') =>
  app.t.app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });

let cookie: string | undefined;
/** One sign-in for the file: the login route is rate limited. */
async function putDescription(slug: string, body: unknown, lang = 'vi', signedIn = true) {
  cookie ??= await staffCookie(app.t.app, 'editor');
  return app.t.app.inject({
    method: 'PUT',
    url: `/api/staff/ethnic-groups/${slug}/description`,
    payload: body as object,
    headers: { 'accept-language': lang, ...(signedIn ? { cookie } : {}) },
  });
}
const describeAs = (vi: string, en = ''): GroupDescriptionInput => ({ description: { vi, en } });

describe('film counts of groups and families', () => {
  it('count published artifacts with a ready film, each once per family', async () => {
    const list = (await get('/api/ethnic-groups')).json<EthnicGroupList>();
    const group = (slug: string) => list.groups.find((g) => g.slug === slug);
    const family = (slug: string) => list.families.find((f) => f.slug === slug);
    expect(group('hmong')).toMatchObject({ artifactCount: 3, filmCount: 2 });
    // A draft with a film is no film for visitors.
    expect(group('co-tu')).toMatchObject({ artifactCount: 0, filmCount: 0 });
    // The bronze drum is of the Kinh and the Mường, both Việt–Mường: one film of that family.
    expect(family('viet-muong')).toMatchObject({ filmCount: 1 });
    expect(family('tay-thai')).toMatchObject({ filmCount: 2 });
    // La Chí's costume is published without a film: the family has a page but no film.
    expect(family('kadai')).toMatchObject({ artifactCount: 1, filmCount: 0 });
  });
});

describe('GET /api/ethnic-groups/:slug', () => {
  it("gives the group's other names, family and the regions of its published artifacts, each once", async () => {
    const res = await get('/api/ethnic-groups/hmong');
    expect(res.statusCode).toBe(200);
    const g = res.json<EthnicGroupDetail>();
    expect(g.otherNames).toContain('Mèo');
    expect(g.languageFamily.slug).toBe('mong-dao');
    expect(g.regions).toEqual([
      { vi: 'Hà Giang', en: 'Hà Giang province' },
      { vi: 'Lào Cai', en: 'Lào Cai province' },
    ]);
  });

  it('never shows where a draft comes from', async () => {
    const g = (await get('/api/ethnic-groups/co-tu')).json<EthnicGroupDetail>();
    expect(g).toMatchObject({ filmCount: 0, regions: [] });
  });

  it('answers an unknown group with a 404 in the asker’s language', async () => {
    const vi = await get('/api/ethnic-groups/atlantis', 'vi');
    const en = await get('/api/ethnic-groups/atlantis', 'en');
    expect([vi.statusCode, en.statusCode]).toEqual([404, 404]);
    expect(vi.json<ErrorResponse>().message).toMatch(/Không có dân tộc nào/);
    expect(en.json<ErrorResponse>().message).toMatch(/No ethnic group/);
  });
});

describe("staff write a group's description", () => {
  it('refuses a visitor without a session and saves nothing', async () => {
    const res = await putDescription('xtieng', describeAs('Người Xtiêng'), 'vi', false);
    expect(res.statusCode).toBe(401);
    expect((await get('/api/ethnic-groups/xtieng')).json<EthnicGroupDetail>().description.vi).toBe('');
  });

  it('saves both languages, trimmed, and visitors see it rendered without any script', async () => {
    const res = await putDescription(
      'co-tu',
      describeAs(
        '  Người **Cơ Tu** sống ở Trường Sơn.<script>alert(1)</script>  ',
        'The Co Tu live in the hills.',
      ),
    );
    expect(res.statusCode).toBe(200);
    const g = (await get('/api/ethnic-groups/co-tu')).json<EthnicGroupDetail>();
    expect(g.description.vi).toBe('Người **Cơ Tu** sống ở Trường Sơn.<script>alert(1)</script>');
    expect(g.descriptionHtml.vi).toContain('<strong>Cơ Tu</strong>');
    expect(g.descriptionHtml.vi).not.toMatch(/script|alert/);
    expect(g.descriptionHtml.en).toBe('<p>The Co Tu live in the hills.</p>\n');
    // A group without films still has its page, with the museum's words in its preview.
    const page = await get('/groups/co-tu?lang=en');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<meta name="description" content="The Co Tu live in the hills.">');
  });

  it('refuses a description past the limit, naming the field, in the asker’s language', async () => {
    const long = 'x'.repeat(GROUP_DESCRIPTION_MAX_LENGTH + 1);
    const vi = await putDescription('brau', describeAs('Ngắn', long), 'vi');
    expect(vi.statusCode).toBe(400);
    expect(vi.json<ErrorResponse>()).toMatchObject({ code: 'validation_failed', field: 'description.en' });
    const en = await putDescription('brau', describeAs('Ngắn', long), 'en');
    expect(en.json<ErrorResponse>().message).not.toBe(vi.json<ErrorResponse>().message);
    expect((await get('/api/ethnic-groups/brau')).json<EthnicGroupDetail>().description.vi).toBe('');
  });

  it('refuses a body without both languages, and an unknown group', async () => {
    expect((await putDescription('brau', { description: { vi: 'Chỉ tiếng Việt' } })).statusCode).toBe(400);
    const unknown = await putDescription('atlantis', describeAs('Không có'), 'en');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorResponse>().message).toMatch(/No ethnic group has the slug "atlantis"/);
  });
});

describe('pages with their own title and description', () => {
  it('/films names the number of films, in the language asked', async () => {
    const vi = await get('/films');
    expect(vi.statusCode).toBe(200);
    expect(vi.body).toContain('<title>Tất cả phim — Câu chuyện hiện vật</title>');
    expect(vi.body).toMatch(/<meta name="description" content="6 phim ngắn/);
    const en = await get('/en/films');
    expect(en.body).toContain('<title>All films — Artifact Stories</title>');
    expect(en.body).toMatch(/<link rel="canonical" href="http:\/\/[^"]+\/en\/films">/);
    expect(en.body).toMatch(/<link rel="alternate" hreflang="vi" href="http:\/\/[^"]+\/films">/);
  });

  it('/families/<slug> names the family and its groups; an unknown family is a 404', async () => {
    const res = await get('/families/mong-dao');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Nhóm ngôn ngữ Mông–Dao — Câu chuyện hiện vật</title>');
    expect(res.body).toMatch(/<meta name="description" content="[^"]*H&#39;Mông[^"]*2 phim/);
    expect((await get('/families/atlantis')).statusCode).toBe(404);
  });

  it('the sitemap lists /films and the families that have films, not the others', async () => {
    const body = (await get('/sitemap.xml')).body;
    expect(body).toMatch(/<loc>http:\/\/[^<]+\/films<\/loc>/);
    expect(body).toMatch(/<loc>http:\/\/[^<]+\/families\/mong-dao<\/loc>/);
    expect(body).not.toContain('/families/kadai');
  });
});
