import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { ORIGIN, useReachApp } from './reach-fixtures.ts';

// Language in the URL: Vietnamese pages at the root, English under /en/, each naming its twin.
const { t, get } = useReachApp();

function head(html: string) {
  const doc = parseDocument(html);
  const all = (name: string) => DomUtils.findAll((e) => e.name === name, doc.children);
  const links = all('link');
  return {
    lang: DomUtils.findOne((e) => e.name === 'html', doc.children)?.attribs.lang,
    title: DomUtils.textContent(all('title')),
    meta: (key: string) =>
      all('meta').find((e) => e.attribs.property === key || e.attribs.name === key)?.attribs.content,
    canonical: links.find((e) => e.attribs.rel === 'canonical')?.attribs.href,
    twins: Object.fromEntries(
      links
        .filter((e) => e.attribs.rel === 'alternate' && e.attribs.hreflang)
        .map((e) => [e.attribs.hreflang, e.attribs.href]),
    ),
  };
}

const page = async (path: string) => {
  const res = await get(path, { accept: 'text/html' });
  expect(res.statusCode, path).toBe(200);
  expect(res.headers['content-type'], path).toMatch(/^text\/html/);
  return head(res.body);
};

describe('pages in two languages', () => {
  it('every public page names its twins; the English one is served under /en/ with English metadata', async () => {
    const group = (
      t.app.db.prepare('SELECT slug FROM ethnic_groups ORDER BY slug LIMIT 1').get() as { slug: string }
    ).slug;
    for (const path of [
      '/',
      '/search',
      `/groups/${group}`,
      `/artifacts/${t.ready}`,
      `/artifacts/${t.bare}`,
    ]) {
      const enPath = path === '/' ? '/en/' : `/en${path}`;
      const twins = { vi: `${ORIGIN}${path}`, en: `${ORIGIN}${enPath}`, 'x-default': `${ORIGIN}${path}` };
      const vi = await page(path);
      const en = await page(enPath);
      expect(vi.twins, path).toEqual(twins);
      expect(en.twins, enPath).toEqual(twins);
      expect(vi.canonical, path).toBe(twins.vi);
      expect(en.canonical, enPath).toBe(twins.en);
      expect([vi.lang, en.lang], path).toEqual(['vi', 'en']);
      expect([vi.meta('og:locale'), en.meta('og:locale')], path).toEqual(['vi_VN', 'en_US']);
      expect(vi.title, path).toMatch(/Câu chuyện hiện vật$/);
      expect(en.title, path).toMatch(/Artifact Stories$/);
      expect(en.meta('description'), path).not.toBe(vi.meta('description'));
    }
  });

  it('speaks English on /en/ pages: the artifact title, the group name, the site name', async () => {
    const detail = (await get(`/api/artifacts/${t.ready}`)).json();
    const en = await page(`/en/artifacts/${t.ready}`);
    expect(en.title).toBe(`${detail.title.en} — Artifact Stories`);
    expect(en.meta('og:url')).toBe(`${ORIGIN}/en/artifacts/${t.ready}`);
    const group = detail.ethnicGroups[0];
    expect((await page(`/en/groups/${group.slug}`)).title).toBe(`${group.name.en} — Artifact Stories`);
    expect((await page('/en')).title).toBe('Artifact Stories');
    // Links made before /en/ (?lang=en) still read English, and point search engines at the /en/ page.
    const old = await page(`/artifacts/${t.ready}?lang=en`);
    expect(old.title).toBe(`${detail.title.en} — Artifact Stories`);
    expect(old.canonical).toBe(`${ORIGIN}/en/artifacts/${t.ready}`);
  });

  it('answers drafts, unknown pages and non-pages under /en/ with a 404, as at the root', async () => {
    for (const path of [
      `/en/artifacts/${t.draft}`,
      '/en/artifacts/no-such-thing',
      '/en/groups/atlantis',
      '/en/nowhere',
      '/en/embed/no-such-thing',
    ]) {
      const res = await get(path, { accept: 'text/html' });
      expect(res.statusCode, path).toBe(404);
      expect(res.body, path).not.toContain('hreflang');
      expect(res.body, path).not.toContain(t.draft);
    }
    // The API, media and staff pages have no English twin: /en/ in front names nothing.
    for (const path of [
      `/en/api/artifacts/${t.ready}`,
      '/en/staff',
      '/en/sitemap.xml',
      `/en/embed/${t.ready}`,
    ]) {
      expect((await get(path, { accept: '*/*' })).statusCode, path).toBe(404);
    }
    expect((await get(`/api/artifacts/${t.draft}`)).statusCode).toBe(404);
  });

  it('lists every page of the sitemap in both languages, each naming both and x-default', async () => {
    const doc = parseDocument((await get('/sitemap.xml')).body, { xmlMode: true });
    const urls = DomUtils.findAll((e) => e.name === 'url', doc.children).map((u) => ({
      loc: DomUtils.textContent(DomUtils.findOne((e) => e.name === 'loc', u.children) ?? []),
      twins: Object.fromEntries(
        DomUtils.findAll((e) => e.name === 'xhtml:link', u.children).map((l) => [
          l.attribs.hreflang,
          l.attribs.href,
        ]),
      ),
      title: DomUtils.textContent(DomUtils.findOne((e) => e.name === 'video:title', u.children) ?? []),
    }));
    const byLoc = new Map(urls.map((u) => [u.loc, u]));
    const vi = byLoc.get(`${ORIGIN}/artifacts/${t.ready}`);
    const en = byLoc.get(`${ORIGIN}/en/artifacts/${t.ready}`);
    const twins = { vi: vi?.loc, en: en?.loc, 'x-default': vi?.loc };
    expect(vi?.twins).toEqual(twins);
    expect(en?.twins).toEqual(twins);
    const detail = (await get(`/api/artifacts/${t.ready}`)).json();
    expect([vi?.title, en?.title]).toEqual([detail.title.vi, detail.title.en]);
    expect(byLoc.get(`${ORIGIN}/en/`)?.twins.vi).toBe(`${ORIGIN}/`);
    for (const u of urls) expect(u.twins.en, u.loc).toMatch(new RegExp(`^${ORIGIN}/en/`));
    expect(urls.some((u) => u.loc.includes(t.draft))).toBe(false);
    // Every English page listed is one the site serves.
    for (const u of urls.filter((x) => x.loc.startsWith(`${ORIGIN}/en/`)).slice(0, 12)) {
      expect((await get(u.loc.slice(ORIGIN.length), { accept: 'text/html' })).statusCode, u.loc).toBe(200);
    }
  });

  it('keeps the language of a shared English link in oEmbed, and names both pages in the IIIF Manifest', async () => {
    const o = (
      await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/en/artifacts/${t.ready}?t=5`)}`)
    ).json();
    expect(o.html).toContain(`src="${ORIGIN}/embed/${t.ready}?lang=en&amp;t=5"`);
    expect(o.provider_url).toBe(`${ORIGIN}/en/`);
    const manifest = JSON.parse((await get(`/iiif/artifacts/${t.ready}/manifest.json`)).body);
    expect(manifest.homepage.map((h: { id: string; language: string[] }) => [h.id, h.language])).toEqual([
      [`${ORIGIN}/artifacts/${t.ready}`, ['vi']],
      [`${ORIGIN}/en/artifacts/${t.ready}`, ['en']],
    ]);
  });
});
