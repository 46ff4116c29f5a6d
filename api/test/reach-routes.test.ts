import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { HOSTILE, ORIGIN, useReachApp } from './reach-fixtures.ts';

const { t, get, local } = useReachApp();

function head(html: string) {
  const doc = parseDocument(html);
  const all = (name: string) => DomUtils.findAll((e) => e.name === name, doc.children);
  return {
    all,
    title: DomUtils.textContent(all('title')),
    meta: (key: string) =>
      all('meta').find((e) => e.attribs.property === key || e.attribs.name === key)?.attribs.content,
    link: (rel: string, type?: string) =>
      all('link').find((e) => e.attribs.rel === rel && (!type || e.attribs.type === type))?.attribs.href,
    jsonLd: () =>
      all('script')
        .filter((e) => e.attribs.type === 'application/ld+json')
        .map((e) => JSON.parse(DomUtils.textContent(e))),
    app: DomUtils.findOne((e) => e.attribs.id === 'app', doc.children),
  };
}

describe('artifact pages as the server sends them', () => {
  it('carry title, Open Graph, canonical, oEmbed discovery and a VideoObject before any script runs', async () => {
    const res = await get(`/artifacts/${t.ready}`, { accept: 'text/html' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const detail = (await get(`/api/artifacts/${t.ready}`)).json();
    const h = head(res.body);
    expect(h.app).not.toBeNull(); // still the SPA
    expect(h.title).toBe(`${detail.title.vi} — Câu chuyện hiện vật`);
    expect(h.meta('og:title')).toBe(detail.title.vi);
    expect(h.meta('og:type')).toBe('video.other');
    expect(h.meta('og:url')).toBe(`${ORIGIN}/artifacts/${t.ready}`);
    // og:video is a video file (the progressive MP4), really served as video/mp4, at its own size.
    expect(h.meta('og:video')).toBe(`${ORIGIN}${detail.video.progressive.url}`);
    expect(h.meta('og:video:type')).toBe('video/mp4');
    expect([h.meta('og:video:width'), h.meta('og:video:height')]).toEqual(['854', '480']);
    const file = await get(local(h.meta('og:video') as string), { range: 'bytes=0-9' });
    expect(file.statusCode).toBe(206);
    expect(file.headers['content-type']).toMatch(/^video\/mp4/);
    expect(h.meta('og:description')?.length).toBeGreaterThan(10);
    expect(h.link('canonical')).toBe(`${ORIGIN}/artifacts/${t.ready}`);
    expect((await get(local(h.meta('og:image') as string))).statusCode).toBe(200);

    const [ld] = h.jsonLd();
    expect(ld).toMatchObject({
      '@type': 'VideoObject',
      name: detail.title.vi,
      duration: 'PT13S',
      inLanguage: 'vi',
    });
    expect(ld.uploadDate).toBe(detail.publishedAt);
    expect((await get(local(ld.contentUrl))).headers['content-type']).toMatch(/mpegurl/);
    expect((await get(local(ld.embedUrl), { accept: 'text/html' })).statusCode).toBe(200);
    expect(ld.thumbnailUrl.length).toBe(2);
  });

  it('embed pages carry the same, canonical to the artifact page; ?lang=en speaks English', async () => {
    const embed = head((await get(`/embed/${t.ready}`)).body);
    expect(embed.link('canonical')).toBe(`${ORIGIN}/artifacts/${t.ready}`);
    expect(embed.jsonLd()).toHaveLength(1);
    const detail = (await get(`/api/artifacts/${t.ready}`)).json();
    const en = head((await get(`/artifacts/${t.ready}?lang=en`)).body);
    expect(en.meta('og:title')).toBe(detail.title.en);
    expect(en.jsonLd()[0].inLanguage).toBe('en');
  });

  it('escape what staff typed', async () => {
    const id = t.app.repos.artifacts.bySlug(t.ready)?.id;
    const before = t.app.db.prepare('SELECT title_vi FROM artifacts WHERE id = ?').get(id) as {
      title_vi: string;
    };
    t.app.db.prepare('UPDATE artifacts SET title_vi = ? WHERE id = ?').run(HOSTILE, id);
    try {
      const h = head((await get(`/artifacts/${t.ready}`)).body);
      expect(h.all('script').filter((s) => s.attribs.type !== 'module')).toHaveLength(1);
      expect(h.meta('og:title')).toBe(HOSTILE);
      expect(h.jsonLd()[0].name).toBe(HOSTILE);
    } finally {
      t.app.db.prepare('UPDATE artifacts SET title_vi = ? WHERE id = ?').run(before.title_vi, id);
    }
  });

  it('a published artifact without a clip gets page metadata but no video claims', async () => {
    const h = head((await get(`/artifacts/${t.bare}`)).body);
    expect(h.meta('og:type')).toBe('website');
    expect(h.jsonLd()).toHaveLength(0);
    expect(h.link('alternate', 'application/json+oembed')).toBeUndefined();
  });

  it('drafts and unknown slugs get the plain app with a 404 and nothing about the artifact', async () => {
    for (const path of [
      `/artifacts/${t.draft}`,
      '/artifacts/no-such-thing',
      '/embed/no-such-thing',
      '/artifacts/BAD%20slug',
    ]) {
      const res = await get(path, { accept: 'text/html' });
      expect(res.statusCode, path).toBe(404);
      const h = head(res.body);
      expect(h.app, path).not.toBeNull();
      expect(h.meta('og:title'), path).toBeUndefined();
      expect(h.jsonLd(), path).toHaveLength(0);
    }
  });
});

describe('GET /oembed', () => {
  const oembed = (url: string, extra = '') => get(`/oembed?url=${encodeURIComponent(url)}${extra}`);

  it('answers the URL the page advertises with a video iframe within the limits', async () => {
    const discovered = head((await get(`/artifacts/${t.ready}`)).body).link(
      'alternate',
      'application/json+oembed',
    );
    const res = await get(`${local(discovered as string)}&maxwidth=480&maxheight=400`);
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o).toMatchObject({ version: '1.0', type: 'video', width: 480, height: 270 });
    expect(o.provider_name).toContain('Bảo tàng Văn hóa các dân tộc Việt Nam');
    expect(o.provider_url).toBe(`${ORIGIN}/`);
    const iframe = DomUtils.findOne((e) => e.name === 'iframe', parseDocument(o.html).children);
    expect(iframe?.attribs).toMatchObject({ src: `${ORIGIN}/embed/${t.ready}`, width: '480', height: '270' });
    expect((await get(local(iframe?.attribs.src as string), { accept: 'text/html' })).statusCode).toBe(200);
    expect(o.thumbnail_width).toBeLessThanOrEqual(480);
    expect((await get(local(o.thumbnail_url))).statusCode).toBe(200);
  });

  it('keeps the aspect ratio when height is the tighter limit, and accepts embed URLs', async () => {
    const o = (await oembed(`${ORIGIN}/embed/${t.ready}`, '&maxwidth=1000&maxheight=180')).json();
    expect([o.width, o.height]).toEqual([320, 180]);
  });

  it('keeps a linked moment: the shared page, its share card and the oEmbed iframe all carry t', async () => {
    const page = head((await get(`/artifacts/${t.ready}?t=1:02,70&lang=en`)).body);
    expect(page.meta('og:url')).toBe(`${ORIGIN}/en/artifacts/${t.ready}?t=62,70`);
    // The canonical page stays one page, whatever moment a link names.
    expect(page.link('canonical')).toBe(`${ORIGIN}/en/artifacts/${t.ready}`);
    const discovered = page.link('alternate', 'application/json+oembed') as string;
    const o = (await get(local(discovered))).json();
    const iframe = DomUtils.findOne((e) => e.name === 'iframe', parseDocument(o.html).children);
    expect(iframe?.attribs.src).toBe(`${ORIGIN}/embed/${t.ready}?lang=en&t=62,70`);
    expect((await get(local(iframe?.attribs.src as string), { accept: 'text/html' })).statusCode).toBe(200);

    const single = (await oembed(`${ORIGIN}/artifacts/${t.ready}?t=42`)).json();
    expect(single.html).toContain(`src="${ORIGIN}/embed/${t.ready}?t=42"`);
    // A time that is not one is dropped, never echoed into the HTML.
    const bad = (await oembed(`${ORIGIN}/artifacts/${t.ready}?t="><script>`)).json();
    expect(bad.html).toContain(`src="${ORIGIN}/embed/${t.ready}"`);
    expect(head((await get(`/artifacts/${t.ready}?t=%22%3E%3Cb%3E`)).body).meta('og:url')).toBe(
      `${ORIGIN}/artifacts/${t.ready}`,
    );
  });

  it('501 for XML, 404 for what is not ours or not public, 400 without a url', async () => {
    expect((await oembed(`${ORIGIN}/artifacts/${t.ready}`, '&format=xml')).statusCode).toBe(501);
    expect((await oembed(`${ORIGIN}/artifacts/${t.ready}`, '&format=xml')).json().message).toMatch(
      /format=json/,
    );
    for (const url of [
      `https://elsewhere.example/artifacts/${t.ready}`,
      `${ORIGIN}/groups/hmong`,
      `${ORIGIN}/artifacts/${t.draft}`,
      `${ORIGIN}/artifacts/${t.bare}`,
      'nonsense',
    ]) {
      expect((await oembed(url)).statusCode, url).toBe(404);
    }
    expect((await get('/oembed')).statusCode).toBe(400);
  });
});

describe('GET /sitemap.xml', () => {
  it('lists home, every group page, the films and family pages and every published artifact, with video entries for ready clips', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const doc = parseDocument(res.body, { xmlMode: true });
    const urls = DomUtils.findAll((e) => e.name === 'url', doc.children);
    const locs = urls.map((u) =>
      DomUtils.textContent(DomUtils.findOne((e) => e.name === 'loc', u.children) ?? []),
    );
    const groups = (t.app.db.prepare('SELECT slug FROM ethnic_groups').all() as { slug: string }[]).map(
      (g) => g.slug,
    );
    const published = (
      t.app.db.prepare(`SELECT COUNT(*) AS n FROM artifacts WHERE status = 'published'`).get() as {
        n: number;
      }
    ).n;
    // The films listing and the family of the one ready clip (browse-groups.test.ts tests them further).
    const families = t.app.catalogue.publishedDetail(t.ready)?.languageFamilies.map((f) => f.slug) ?? [];
    const browse = ['/films', ...families.map((f) => `/families/${f}`)];
    const twins = browse.flatMap((path) => [`${ORIGIN}${path}`, `${ORIGIN}/en${path}`]);
    expect(locs.filter((l) => /\/(films|families\/.*)$/.test(l)).sort()).toEqual(twins.sort());
    // Exhibitions with something to watch have pages too (exhibitions.test.ts checks which).
    const exhibitions = t.app.exhibitions.listPublished().items.length;
    // Each page in Vietnamese and in English (reach-languages.test.ts checks the pairs).
    expect(locs).toHaveLength(2 * (1 + groups.length + browse.length + exhibitions + published));
    expect(locs).toContain(`${ORIGIN}/`);
    expect(locs).toContain(`${ORIGIN}/groups/${groups[0]}`);
    expect(locs).toContain(`${ORIGIN}/artifacts/${t.bare}`);
    expect(locs).not.toContain(`${ORIGIN}/artifacts/${t.draft}`);

    const videos = DomUtils.findAll((e) => e.name === 'video:video', doc.children);
    expect(videos).toHaveLength(2);
    const field = (name: string) =>
      DomUtils.textContent(DomUtils.findOne((e) => e.name === name, videos[0]?.children ?? []) ?? []);
    expect(field('video:player_loc')).toBe(`${ORIGIN}/embed/${t.ready}`);
    expect(field('video:duration')).toBe('13');
    expect((await get(local(field('video:thumbnail_loc')))).statusCode).toBe(200);
    expect((await get(local(field('video:content_loc')))).statusCode).toBe(200);
    expect(field('video:title').length).toBeGreaterThan(0);
    expect(field('video:description').length).toBeGreaterThan(0);
  });

  it('stays well-formed whatever staff typed', async () => {
    const id = t.app.repos.artifacts.bySlug(t.ready)?.id;
    const before = t.app.db.prepare('SELECT title_vi FROM artifacts WHERE id = ?').get(id) as {
      title_vi: string;
    };
    t.app.db.prepare('UPDATE artifacts SET title_vi = ? WHERE id = ?').run(`${HOSTILE}]]>\u0007`, id);
    try {
      const body = (await get('/sitemap.xml')).body;
      const doc = parseDocument(body, { xmlMode: true });
      const title = DomUtils.textContent(DomUtils.findAll((e) => e.name === 'video:title', doc.children));
      expect(title.startsWith('</script><script>alert("x")</script>')).toBe(true);
      expect(body).not.toContain('\u0007');
      expect(body).not.toContain('<script>');
    } finally {
      t.app.db.prepare('UPDATE artifacts SET title_vi = ? WHERE id = ?').run(before.title_vi, id);
    }
  });
});
