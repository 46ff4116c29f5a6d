import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeXml, jsonForScript } from './escape.ts';
import { fakeDetail, fakeVideo, HOSTILE } from './fakes.ts';
import { labelsPage } from './labels.ts';
import { embedQuery, excerpt, momentQuery, siteBase, siteLinks } from './links.ts';
import { buildOEmbed, fitWithin, pageFromUrl } from './oembed.ts';
import { artifactPageMeta, injectHead, isoDuration } from './seo.ts';
import { buildSitemap, SITEMAP_MAX_URLS } from './sitemap.ts';

const slugFromUrl = (url: string, base: string) => pageFromUrl(url, base)?.slug;

const links = siteLinks('https://stories.example.vn');
const LICENSE = 'http://creativecommons.org/licenses/by-nc-sa/4.0/';
const playable = (d = fakeDetail()) => d as typeof d & { video: NonNullable<typeof d.video> };

describe('escaping', () => {
  it('escapes every HTML-significant character and leaves text otherwise alone', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeHtml('Khèn H’Mông')).toBe('Khèn H’Mông');
  });

  it('drops characters XML cannot carry and escapes the rest', () => {
    expect(escapeXml("a\u0000b\u0008c\u001Fd\tе\n'&")).toBe('abcd\tе\n&apos;&amp;');
    expect(escapeXml('x\uD800y')).toBe('xy');
    expect(escapeXml('😀')).toBe('😀');
  });

  it('makes JSON that cannot close a script element and still parses to the same value', () => {
    const value = { name: HOSTILE };
    const out = jsonForScript(value);
    expect(out).not.toMatch(/<|>|\u2028/);
    expect(JSON.parse(out)).toEqual(value);
  });
});

describe('links', () => {
  it('uses PUBLIC_URL when set, else the request', () => {
    expect(siteBase('https://museum.vn/stories/', { protocol: 'http', host: 'internal:3000' })).toBe(
      'https://museum.vn/stories',
    );
    expect(siteBase('', { protocol: 'https', host: 'a.example:8443' })).toBe('https://a.example:8443');
    expect(links.abs('/media/x.jpg')).toBe('https://stories.example.vn/media/x.jpg');
    expect(links.abs('https://cdn.example/x.jpg')).toBe('https://cdn.example/x.jpg');
  });

  it('carries the language in the path of page links, and in ?lang= on embeds', () => {
    expect(links.artifact('khen-hmong')).toBe('https://stories.example.vn/artifacts/khen-hmong');
    expect(links.artifact('khen-hmong', 'en')).toBe('https://stories.example.vn/en/artifacts/khen-hmong');
    expect(links.home('en')).toBe('https://stories.example.vn/en/');
    expect(links.group('e-de', 'en')).toBe('https://stories.example.vn/en/groups/e-de');
    expect(siteLinks('https://museum.vn/stories').artifact('a-b', 'en')).toBe(
      'https://museum.vn/stories/en/artifacts/a-b',
    );
    expect(momentQuery({ start: 42.7 })).toBe('?t=42');
    expect(embedQuery('vi')).toBe('');
    expect(embedQuery('en')).toBe('?lang=en');
    expect(embedQuery('en', { start: 42, end: 70 })).toBe('?lang=en&t=42,70');
    const o = buildOEmbed(playable(), links, { lang: 'vi', moment: { start: 62 } });
    expect(o.html).toContain('src="https://stories.example.vn/embed/khen-hmong?t=62"');
  });

  it('cuts excerpts at a word with an ellipsis', () => {
    expect(excerpt('short text', 50)).toBe('short text');
    const cut = excerpt('một hai ba bốn năm sáu bảy tám chín mười', 20);
    expect(cut.length).toBeLessThanOrEqual(20);
    expect(cut).toMatch(/^một hai ba bốn.*…$/);
  });
});

describe('isoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [4, 'PT4S'],
    [64.4, 'PT1M4S'],
    [119.6, 'PT2M'],
    [3600, 'PT1H'],
    [3725, 'PT1H2M5S'],
  ])('%s s → %s', (sec, iso) => expect(isoDuration(sec)).toBe(iso));
});

describe('oEmbed builders', () => {
  it('recognises only this site’s artifact and embed pages', () => {
    const base = 'https://stories.example.vn';
    expect(slugFromUrl(`${base}/artifacts/khen-hmong`, base)).toBe('khen-hmong');
    expect(slugFromUrl(`${base}/embed/khen-hmong/?lang=en#t=3`, base)).toBe('khen-hmong');
    expect(slugFromUrl(`https://evil.example/artifacts/khen-hmong`, base)).toBeUndefined();
    // The other scheme names the same page (a link pasted from the http site).
    expect(slugFromUrl(`http://stories.example.vn/artifacts/khen-hmong`, base)).toBe('khen-hmong');
    expect(slugFromUrl(`ftp://stories.example.vn/artifacts/khen-hmong`, base)).toBeUndefined();
    expect(slugFromUrl(`https://stories.example.vn:8443/artifacts/khen-hmong`, base)).toBeUndefined();
    expect(slugFromUrl(`${base}/groups/hmong`, base)).toBeUndefined();
    expect(slugFromUrl(`${base}/artifacts/Khen`, base)).toBeUndefined();
    expect(slugFromUrl(`${base}/artifacts/../../etc`, base)).toBeUndefined();
    expect(slugFromUrl('not a url', base)).toBeUndefined();
    expect(slugFromUrl(`${base}/en/artifacts/khen-hmong`, base)).toBe('khen-hmong');
    expect(slugFromUrl(`${base}/en/groups/hmong`, base)).toBeUndefined();
    expect(slugFromUrl(`${base}/fr/artifacts/khen-hmong`, base)).toBeUndefined();
    expect(slugFromUrl('https://museum.vn/stories/artifacts/a-b', 'https://museum.vn/stories')).toBe('a-b');
    expect(slugFromUrl('https://museum.vn/artifacts/a-b', 'https://museum.vn/stories')).toBeUndefined();
  });

  it('fits within both limits at the source aspect ratio and never upscales', () => {
    expect(fitWithin(1280, 720, 640)).toEqual({ width: 640, height: 360 });
    expect(fitWithin(1280, 720, 640, 200)).toEqual({ width: 355, height: 200 });
    expect(fitWithin(720, 1280, 1000, 640)).toEqual({ width: 360, height: 640 });
    expect(fitWithin(640, 360, 5000, 5000)).toEqual({ width: 640, height: 360 });
  });

  it('returns a video iframe within the limits, with a thumbnail that fits too', () => {
    const o = buildOEmbed(playable(), links, { maxWidth: 400, maxHeight: 400, lang: 'vi' });
    expect(o).toMatchObject({ version: '1.0', type: 'video', width: 400, height: 225, title: 'Khèn H’Mông' });
    expect(o.html).toContain('src="https://stories.example.vn/embed/khen-hmong"');
    expect(o.html).toContain('width="400" height="225"');
    expect(o.thumbnail_width).toBe(320);
    expect(buildOEmbed(playable(), links, { maxWidth: 100, lang: 'vi' }).thumbnail_url).toBeUndefined();
    const big = buildOEmbed(playable(), links, { lang: 'en' });
    expect([big.width, big.height, big.thumbnail_width]).toEqual([640, 360, 1280]);
    expect(big.html).toContain('/embed/khen-hmong?lang=en');
  });

  it('escapes the title inside the iframe markup', () => {
    const o = buildOEmbed(playable(fakeDetail({ title: { vi: HOSTILE, en: HOSTILE } })), links, {
      lang: 'vi',
    });
    const iframe = DomUtils.findOne((e) => e.name === 'iframe', parseDocument(o.html).children);
    expect(iframe?.attribs.title).toBe(HOSTILE);
    expect(DomUtils.findAll((e) => e.name === 'script', parseDocument(o.html).children)).toHaveLength(0);
  });
});

function headOf(html: string) {
  const doc = parseDocument(html);
  const all = (name: string) => DomUtils.findAll((e) => e.name === name, doc.children);
  const meta = (key: string) =>
    all('meta').find((e) => e.attribs.property === key || e.attribs.name === key)?.attribs.content;
  return { doc, all, meta };
}

describe('artifact page head', () => {
  const INDEX =
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Câu chuyện hiện vật</title></head><body><div id="app"></div></body></html>';

  it('puts title, Open Graph, canonical, oEmbed discovery and VideoObject into <head>', () => {
    const html = injectHead(INDEX, artifactPageMeta(fakeDetail(), links, 'vi', LICENSE));
    const { all, meta } = headOf(html);
    expect(DomUtils.textContent(all('title'))).toBe('Khèn H’Mông — Câu chuyện hiện vật');
    expect(all('title')).toHaveLength(1);
    expect(meta('og:title')).toBe('Khèn H’Mông');
    expect(meta('og:type')).toBe('video.other');
    expect(meta('og:url')).toBe('https://stories.example.vn/artifacts/khen-hmong');
    expect(meta('og:image')).toBe(
      'https://stories.example.vn/media/7f0c2a4e-1111-4222-8333-944455556666/v1/poster/poster-1280.jpg',
    );
    expect(meta('og:description')).toBe('Cây khèn được làm từ tre.');
    const link = (rel: string, type?: string) =>
      all('link').find((e) => e.attribs.rel === rel && (!type || e.attribs.type === type))?.attribs.href;
    expect(link('canonical')).toBe('https://stories.example.vn/artifacts/khen-hmong');
    // The app's data for the page and the film's master playlist (no media), fetched with the HTML in the mode
    // the app's fetch() and hls.js's XHR use.
    const preloads = all('link')
      .filter((e) => e.attribs.rel === 'preload')
      .map((e) => e.attribs);
    expect(preloads).toEqual([
      { rel: 'preload', href: '/api/artifacts/khen-hmong', as: 'fetch', crossorigin: 'anonymous' },
      {
        rel: 'preload',
        href: '/media/7f0c2a4e-1111-4222-8333-944455556666/v1/master.m3u8',
        as: 'fetch',
        crossorigin: 'anonymous',
      },
    ]);
    expect(link('alternate', 'application/json+oembed')).toBe(
      'https://stories.example.vn/oembed?format=json&url=https%3A%2F%2Fstories.example.vn%2Fartifacts%2Fkhen-hmong',
    );
    const ld = JSON.parse(DomUtils.textContent(all('script')));
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'VideoObject',
      name: 'Khèn H’Mông',
      uploadDate: '2024-05-01T08:00:00.000Z',
      duration: 'PT1M4S',
      contentUrl: 'https://stories.example.vn/media/7f0c2a4e-1111-4222-8333-944455556666/v1/master.m3u8',
      embedUrl: 'https://stories.example.vn/embed/khen-hmong',
      inLanguage: 'vi',
    });
    expect(ld.thumbnailUrl[0]).toMatch(/poster-1280\.jpg$/);
  });

  it('offers the progressive MP4 as og:video: a video file with its type and size, not a page', () => {
    const { meta } = headOf(injectHead(INDEX, artifactPageMeta(fakeDetail(), links, 'vi', LICENSE)));
    const file = 'https://stories.example.vn/media/7f0c2a4e-1111-4222-8333-944455556666/v1/480p.mp4';
    expect(meta('og:video')).toBe(file);
    expect(meta('og:video:secure_url')).toBe(file);
    expect(meta('og:video:type')).toBe('video/mp4');
    expect([meta('og:video:width'), meta('og:video:height')]).toEqual(['854', '480']);
    expect(meta('video:duration')).toBe('64');
  });

  it('falls back to the embed page for versions made before the MP4, and names no http file as secure', () => {
    const old = fakeDetail({ video: fakeVideo({ progressive: undefined }) });
    const before = headOf(injectHead(INDEX, artifactPageMeta(old, links, 'vi', LICENSE)));
    expect(before.meta('og:video')).toBe('https://stories.example.vn/embed/khen-hmong');
    expect(before.meta('og:video:type')).toBe('text/html');
    expect([before.meta('og:video:width'), before.meta('og:video:height')]).toEqual(['1280', '720']);
    const plain = siteLinks('http://localhost:3000');
    const local = headOf(injectHead(INDEX, artifactPageMeta(fakeDetail(), plain, 'vi', LICENSE)));
    expect(local.meta('og:video')).toMatch(/^http:\/\/localhost:3000\/media\/.*\/480p\.mp4$/);
    expect(local.meta('og:video:secure_url')).toBeUndefined();
  });

  it('speaks English when asked and sets the document language', () => {
    const html = injectHead(INDEX, artifactPageMeta(fakeDetail(), links, 'en', LICENSE));
    const { doc, meta } = headOf(html);
    expect(meta('og:title')).toBe('Hmong khèn');
    expect(meta('og:url')).toBe('https://stories.example.vn/en/artifacts/khen-hmong');
    expect(DomUtils.findOne((e) => e.name === 'html', doc.children)?.attribs.lang).toBe('en');
  });

  it('keeps hostile text as text: one script element, values intact', () => {
    const d = fakeDetail({ title: { vi: HOSTILE, en: HOSTILE }, story: { vi: HOSTILE, en: HOSTILE } });
    const html = injectHead(INDEX, artifactPageMeta(d, links, 'vi', LICENSE));
    const { all, meta } = headOf(html);
    expect(all('script')).toHaveLength(1);
    expect(all('script')[0]?.attribs.type).toBe('application/ld+json');
    expect(meta('og:title')).toBe(HOSTILE);
    expect(DomUtils.textContent(all('title'))).toBe(`${HOSTILE} — Câu chuyện hiện vật`);
    expect(JSON.parse(DomUtils.textContent(all('script'))).name).toBe(HOSTILE);
  });

  it('without a ready video: page metadata but no video claims', () => {
    const html = injectHead(INDEX, artifactPageMeta(fakeDetail({ video: null }), links, 'vi', LICENSE));
    const { all, meta } = headOf(html);
    expect(meta('og:type')).toBe('website');
    expect(meta('og:video')).toBeUndefined();
    expect(all('script')).toHaveLength(0);
    expect(all('link').some((e) => e.attribs.type === 'application/json+oembed')).toBe(false);
    expect(all('link').filter((e) => e.attribs.rel === 'preload')).toHaveLength(1);
  });

  it('adds a <title> when index.html has none', () => {
    const html = injectHead(
      '<html><head></head><body></body></html>',
      artifactPageMeta(fakeDetail(), links, 'vi', LICENSE),
    );
    expect(headOf(html).all('title')).toHaveLength(1);
    expect(html).toMatch(/<html lang="vi">/);
  });
});

describe('sitemap builder', () => {
  it('writes well-formed XML with video entries and escaped values', () => {
    const xml = buildSitemap([
      { loc: 'https://s.vn/' },
      {
        loc: 'https://s.vn/artifacts/a?x=1&y=2',
        lastmod: '2024-05-01T08:00:00.000Z',
        video: {
          thumbnailLoc: 'https://s.vn/p.jpg',
          title: HOSTILE,
          description: `${HOSTILE}\u0001`,
          contentLoc: 'https://s.vn/m.m3u8',
          playerLoc: 'https://s.vn/embed/a',
          durationSec: 0.2,
        },
      },
    ]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const doc = parseDocument(xml, { xmlMode: true });
    const text = (name: string) =>
      DomUtils.textContent(DomUtils.findAll((e) => e.name === name, doc.children));
    expect(DomUtils.findAll((e) => e.name === 'url', doc.children)).toHaveLength(2);
    expect(text('video:title')).toBe(HOSTILE.replace(/\s+/g, ' ').trim());
    expect(text('video:description')).not.toContain('\u0001');
    expect(text('video:duration')).toBe('1');
    expect(xml).toContain('<loc>https://s.vn/artifacts/a?x=1&amp;y=2</loc>');
    expect(xml).not.toContain('<script>');
  });

  it('refuses more URLs than one sitemap may hold', () => {
    const many = Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, i) => ({ loc: `https://s.vn/${i}` }));
    expect(() => buildSitemap(many)).toThrow(/at most 50000/);
  });
});

describe('labels page', () => {
  it('lays out one escaped label per artifact with its QR code and no script', () => {
    const label = {
      title: { vi: HOSTILE, en: 'Hmong khèn' },
      ethnicGroups: [{ vi: 'H’Mông', en: 'Hmong' }],
      accessionNumber: 'BTDT-2024/0017',
      url: 'https://s.vn/artifacts/a',
      qrSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><path d="M0 0h1"/></svg>',
    };
    const html = labelsPage([label, { ...label, accessionNumber: 'B-2' }]);
    const doc = parseDocument(html);
    const articles = DomUtils.findAll((e) => e.name === 'article', doc.children);
    expect(articles).toHaveLength(2);
    expect(DomUtils.findAll((e) => e.name === 'script', doc.children)).toHaveLength(0);
    expect(DomUtils.findAll((e) => e.name === 'svg', doc.children)[0]?.attribs['aria-label']).toBe(
      'QR: https://s.vn/artifacts/a',
    );
    const vi = DomUtils.findOne((e) => e.attribs.class === 'title-vi', doc.children);
    expect(vi && DomUtils.textContent(vi)).toBe(HOSTILE);
    // Every QR code says what it is for, in both languages.
    const scans = DomUtils.findAll((e) => e.attribs.class === 'scan', doc.children);
    expect(scans.map((e) => DomUtils.textContent(e))).toEqual([
      'Quét để xem phim / Scan to watch',
      'Quét để xem phim / Scan to watch',
    ]);
    expect(html).toMatch(/@page \{ size: A4/);
    expect(html).toMatch(/@media print/);
  });
});
