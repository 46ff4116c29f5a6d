import type { ExhibitionDetail, ExhibitionInput, StaffExhibition } from '@artifact-stories/contracts/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers.ts';
import { attachReadyVideo, makeReachApp, ORIGIN } from './reach-fixtures.ts';
import { presentation3Problems } from './reach-iiif-rules.ts';
import { staffCookie } from './staff-helpers.ts';

// The fixture catalogue (three published exhibitions, no clips) on a real SQLite file, driven over inject.
let t: TestApp;
let cookie: string;
/** Published artifacts given a ready 12.5 s film; a draft given one too. */
const READY = ['nha-rong-ba-na', 'cong-chieng-tay-nguyen', 'tho-cam-thai'];
const DRAFT = 'gui-co-tu';

beforeAll(async () => {
  t = await makeReachApp();
  cookie = await staffCookie(t.app, 'editor');
});
afterAll(async () => t.app.close());

let filmsReady = false;
/** The films, given once by whichever test needs them first, so that each test also runs alone. */
function readyFilms() {
  if (filmsReady) return;
  filmsReady = true;
  for (const slug of READY) attachReadyVideo(t, slug);
  attachReadyVideo(t, DRAFT);
}

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const staff = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, lang = 'en') =>
  t.app.inject({
    method,
    url: `/api/staff${url}`,
    headers: { cookie, origin: ORIGIN, 'accept-language': lang },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

function input(overrides: Partial<ExhibitionInput> = {}): ExhibitionInput {
  return {
    slug: 'thu-nghiem',
    title: { vi: 'Triển lãm thử', en: 'Test exhibition' },
    intro: { vi: 'Giới thiệu **đậm**.', en: 'An **intro**.' },
    cover: null,
    items: [{ artifact: 'nha-rong-ba-na', startSec: 2, endSec: 6, text: { vi: 'Một', en: 'One' } }],
    ...overrides,
  };
}

describe('fixture exhibitions', () => {
  it('are not there with SEED=none: an empty catalogue has no exhibitions', async () => {
    const empty = await makeTestApp();
    try {
      expect(empty.app.repos.exhibitions.count()).toBe(0);
      expect((await empty.app.inject({ method: 'GET', url: '/api/exhibitions' })).json()).toEqual({
        items: [],
      });
    } finally {
      await empty.app.close();
    }
  });

  it('are seeded, but nothing is listed before their films are ready', async () => {
    expect(t.app.repos.exhibitions.count()).toBe(3);
    const res = await get('/api/exhibitions');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
    expect((await get('/api/exhibitions/nhac-cu-tay-nguyen')).statusCode).toBe(404);
  });

  it('list the items that have a ready film, in order, with their excerpts', async () => {
    readyFilms();
    const list = (await get('/api/exhibitions')).json().items as { slug: string; itemCount: number }[];
    expect(list.map((e) => e.slug).sort()).toEqual(['det-may-mien-nui-phia-bac', 'nhac-cu-tay-nguyen']);
    const detail = (await get('/api/exhibitions/nhac-cu-tay-nguyen')).json() as ExhibitionDetail;
    expect(detail.items.map((i) => [i.artifact.slug, i.startSec, i.endSec])).toEqual([
      ['cong-chieng-tay-nguyen', 0, 6],
      ['nha-rong-ba-na', 0, null],
    ]);
    expect(detail.itemCount).toBe(2);
    expect(detail.durationSec).toBeCloseTo(6 + 12.5);
    expect(detail.items[0]?.video.hls).toMatch(/^\/media\//);
    expect(detail.introHtml.vi).toContain('<strong>cồng chiêng</strong>');
  });
});

describe('staff exhibitions', () => {
  beforeAll(readyFilms);
  let draft: StaffExhibition;

  it('need a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/staff/exhibitions' });
    expect(res.statusCode).toBe(401);
  });

  it('create a draft that visitors cannot reach in any way', async () => {
    const res = await staff('POST', '/exhibitions', input());
    expect(res.statusCode).toBe(201);
    draft = res.json();
    expect(draft.status).toBe('draft');
    expect(draft.items[0]).toMatchObject({ artifact: 'nha-rong-ba-na', startSec: 2, endSec: 6, shown: true });
    const unknown = await get('/api/exhibitions/khong-co');
    const hidden = await get('/api/exhibitions/thu-nghiem');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe(unknown.json().code);
    expect((await get('/api/exhibitions')).json().items.map((e: { slug: string }) => e.slug)).not.toContain(
      'thu-nghiem',
    );
    expect((await get('/exhibitions/thu-nghiem')).statusCode).toBe(404);
    expect((await get('/exhibitions/thu-nghiem/present')).statusCode).toBe(404);
    expect((await get('/en/exhibitions/thu-nghiem/present')).statusCode).toBe(404);
    expect((await get('/iiif/exhibitions/thu-nghiem/collection')).statusCode).toBe(404);
    expect((await get('/sitemap.xml')).body).not.toContain('/exhibitions/thu-nghiem');
  });

  it('refuse bad excerpts, unknown artifacts, a stray cover and a taken slug, in the language asked', async () => {
    const item = (o: object) => [{ artifact: 'nha-rong-ba-na', text: { vi: '', en: '' }, ...o }];
    const cases: [ExhibitionInput, number, string, RegExp, RegExp][] = [
      [
        input({ items: item({ startSec: 8, endSec: 4 }) }),
        400,
        'items.0.endSec',
        /after the start/,
        /sau điểm bắt đầu/,
      ],
      [
        input({ items: item({ startSec: 3, endSec: 4 }) }),
        400,
        'items.0.endSec',
        /at least 2 seconds/,
        /ít nhất 2 giây/,
      ],
      [
        input({ items: item({ startSec: 5, endSec: 30 }) }),
        400,
        'items.0.startSec',
        /past the end of the film \(12 s\)/,
        /vượt quá độ dài/,
      ],
      [
        input({ items: item({ artifact: 'khong-co' }) }),
        400,
        'items.0.artifact',
        /no artifact/,
        /không có hiện vật/,
      ],
      [input({ cover: 'tho-cam-thai' }), 400, 'cover', /one of the exhibition's items/, /Ảnh bìa/],
      [input({ slug: 'nhac-cu-tay-nguyen' }), 409, 'slug', /already used/, /đã được một triển lãm khác dùng/],
      [input({ title: { vi: ' ', en: 'x' } }), 400, 'title.vi', /title in Vietnamese/, /tên bằng tiếng Việt/],
    ];
    for (const [body, status, field, en, vi] of cases) {
      const inEn = await staff('PUT', `/exhibitions/${draft.id}`, body, 'en');
      expect([inEn.statusCode, inEn.json().field], field).toEqual([status, field]);
      expect(inEn.json().message).toMatch(en);
      const inVi = await staff('PUT', `/exhibitions/${draft.id}`, body, 'vi');
      expect(inVi.json().message).toMatch(vi);
    }
    // Nothing of the refused saves was written.
    expect((await staff('GET', `/exhibitions/${draft.id}`)).json().items).toEqual(draft.items);
  });

  it('refuse to publish an exhibition with nothing visitors could watch', async () => {
    await staff('PUT', `/exhibitions/${draft.id}`, input({ items: item0(DRAFT) }));
    const res = await staff('POST', `/exhibitions/${draft.id}/publish`, undefined, 'vi');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'nothing_to_show', field: 'items' });
    expect(res.json().message).toMatch(/chưa có mục nào xem được/);
  });

  it('show a published exhibition without its draft artifact, and hide it once nothing is left', async () => {
    const body = input({
      cover: 'tho-cam-thai',
      items: [...item0(DRAFT), ...item0('tho-cam-thai'), ...item0('nha-rong-ba-na')],
    });
    expect((await staff('PUT', `/exhibitions/${draft.id}`, body)).statusCode).toBe(200);
    const published = await staff('POST', `/exhibitions/${draft.id}/publish`);
    expect(published.json().status).toBe('published');
    expect(published.json().items.map((i: { shown: boolean }) => i.shown)).toEqual([false, true, true]);

    const detail = (await get('/api/exhibitions/thu-nghiem')).json() as ExhibitionDetail;
    expect(detail.items.map((i) => i.artifact.slug)).toEqual(['tho-cam-thai', 'nha-rong-ba-na']);
    expect(JSON.stringify(detail)).not.toContain(DRAFT);
    expect(detail.cover?.jpeg[0]?.url).toBe(detail.items[0]?.video.poster.jpeg[0]?.url);

    // Unpublishing the artifacts takes their items away; with none left, the exhibition is gone too.
    for (const slug of ['tho-cam-thai', 'nha-rong-ba-na']) {
      const id = t.app.repos.artifacts.bySlug(slug)?.id as number;
      t.app.repos.artifacts.setStatus(id, 'draft');
    }
    try {
      expect((await get('/api/exhibitions/thu-nghiem')).statusCode).toBe(404);
      expect((await get('/exhibitions/thu-nghiem')).statusCode).toBe(404);
    } finally {
      for (const slug of ['tho-cam-thai', 'nha-rong-ba-na']) {
        const id = t.app.repos.artifacts.bySlug(slug)?.id as number;
        t.app.repos.artifacts.setStatus(id, 'published');
      }
    }
    expect((await get('/api/exhibitions/thu-nghiem')).statusCode).toBe(200);
  });

  it('unpublish and delete', async () => {
    expect((await staff('POST', `/exhibitions/${draft.id}/unpublish`)).json().status).toBe('draft');
    expect((await get('/api/exhibitions/thu-nghiem')).statusCode).toBe(404);
    expect((await staff('DELETE', `/exhibitions/${draft.id}`)).statusCode).toBe(204);
    expect((await staff('GET', `/exhibitions/${draft.id}`)).statusCode).toBe(404);
    expect((await staff('GET', '/exhibitions')).json().items).toHaveLength(3);
  });
});

function item0(artifact: string) {
  return [{ artifact, text: { vi: `Về ${artifact}`, en: `About ${artifact}` } }];
}

describe('reach', () => {
  beforeAll(readyFilms);
  it('IIIF Collection: the Manifests of the shown items in order, excerpts named in their labels', async () => {
    const url = '/iiif/exhibitions/nhac-cu-tay-nguyen/collection';
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"',
    );
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const doc = res.json();
    expect(Object.keys(doc)[0]).toBe('@context');
    expect(doc).toMatchObject({
      '@context': 'http://iiif.io/api/presentation/3/context.json',
      id: `${ORIGIN}${url}`,
      type: 'Collection',
      label: { vi: ['Tiếng cồng chiêng Tây Nguyên'], en: ['Gongs of the Central Highlands'] },
      homepage: [{ id: `${ORIGIN}/exhibitions/nhac-cu-tay-nguyen`, type: 'Text', format: 'text/html' }],
    });
    expect(doc.items.map((i: { type: string }) => i.type)).toEqual(['Manifest', 'Manifest']);
    expect(doc.items[0].label.en[0]).toMatch(/\(0:00–0:06\)$/);
    expect(doc.items[1].label.en[0]).not.toMatch(/\(/);
    for (const item of doc.items as { id: string }[]) {
      const manifest = await get(item.id.slice(ORIGIN.length));
      expect(manifest.statusCode).toBe(200);
      expect(presentation3Problems(manifest.json(), item.id)).toEqual([]);
    }
  });

  it('classroom mode: served in both languages, never indexed, naming its twins; not in the sitemap', async () => {
    const path = '/exhibitions/nhac-cu-tay-nguyen/present';
    const en = await get(`/en${path}`);
    expect(en.statusCode).toBe(200);
    expect(en.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(en.body).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(en.body).toContain(
      '<title>Gongs of the Central Highlands — Classroom mode · Artifact Stories</title>',
    );
    expect(en.body).toContain(`<link rel="alternate" hreflang="vi" href="${ORIGIN}${path}">`);
    expect(en.body).toContain(`<link rel="alternate" hreflang="en" href="${ORIGIN}/en${path}">`);
    const vi = await get(path);
    expect(vi.statusCode).toBe(200);
    expect(vi.body).toContain('<html lang="vi"');
    expect(vi.body).toContain('Chế độ lớp học');
    // Living with rice has no ready film: nothing to show a class either.
    expect((await get('/exhibitions/song-cung-cay-lua/present')).statusCode).toBe(404);
    expect((await get('/sitemap.xml')).body).not.toContain('/present');
  });

  it('sitemap: the exhibitions with something to watch', async () => {
    const body = (await get('/sitemap.xml')).body;
    expect(body).toContain(`<loc>${ORIGIN}/exhibitions/nhac-cu-tay-nguyen</loc>`);
    expect(body).toContain(`<loc>${ORIGIN}/exhibitions/det-may-mien-nui-phia-bac</loc>`);
    // Living with rice has no ready film yet.
    expect(body).not.toContain('/exhibitions/song-cung-cay-lua');
  });

  it('the page carries its title, description, Open Graph and a schema.org Collection of VideoObjects', async () => {
    const res = await get('/en/exhibitions/nhac-cu-tay-nguyen');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Gongs of the Central Highlands — Artifact Stories</title>');
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toMatch(/<meta property="og:image" content="http:\/\/localhost:80\/media\//);
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(res.body)?.[1] as string;
    const ld = JSON.parse(json);
    expect(ld).toMatchObject({
      '@type': 'Collection',
      name: 'Gongs of the Central Highlands',
      collectionSize: 2,
    });
    expect(ld.hasPart.map((p: { '@type': string; url: string }) => [p['@type'], p.url])).toEqual([
      ['VideoObject', `${ORIGIN}/en/artifacts/cong-chieng-tay-nguyen?t=0,6`],
      ['VideoObject', `${ORIGIN}/en/artifacts/nha-rong-ba-na`],
    ]);
    // Its twins, as every public page names them.
    expect(res.body).toContain(`<link rel="canonical" href="${ORIGIN}/en/exhibitions/nhac-cu-tay-nguyen">`);
    expect(res.body).toContain(
      `<link rel="alternate" hreflang="vi" href="${ORIGIN}/exhibitions/nhac-cu-tay-nguyen">`,
    );
    expect(ld.hasPart[0].duration).toBe('PT13S');
  });
});
