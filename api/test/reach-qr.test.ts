import { createRequire } from 'node:module';
import { DomUtils, parseDocument } from 'htmlparser2';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/services/session-token.ts';
import type { TestApp } from './helpers.ts';
import { HOSTILE, makeReachApp, ORIGIN, slugsWhere } from './reach-fixtures.ts';

// pngjs comes with qrcode (it draws the PNGs); resolved from there so hoisting cannot hide it.
const requireFromQrcode = createRequire(createRequire(import.meta.url).resolve('qrcode'));
const { PNG } = requireFromQrcode('pngjs') as {
  PNG: { sync: { read(data: Buffer): { width: number; height: number; data: Buffer } } };
};

let t: TestApp;
let published: [string, string, string];
let draft: string;
let cookie: string;

beforeAll(async () => {
  t = await makeReachApp();
  published = slugsWhere(t, 'published', 3) as [string, string, string];
  [draft] = slugsWhere(t, 'draft') as [string];
  const staff = await t.app.staffAccounts.add({
    email: 'curator@museum.example',
    name: 'Curator',
    role: 'editor',
    password: 'a long enough password',
  });
  cookie = `${SESSION_COOKIE}=${t.app.staffAccounts.startSession(staff.id).token}`;
});
afterAll(async () => t.app.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

/** What a phone would read: jsQR over RGBA pixels. */
function scan(rgba: Uint8ClampedArray, width: number, height: number): string | undefined {
  return jsQR(rgba, width, height)?.data;
}

function scanPng(png: Buffer): { text?: string; width: number } {
  const img = PNG.sync.read(png);
  return { text: scan(new Uint8ClampedArray(img.data), img.width, img.height), width: img.width };
}

/**
 * Rasterises the SVG the qrcode library draws (a viewBox of modules and one stroked path of horizontal
 * runs: `M x y` absolute, `m dx dy` relative, `h n` a run of n dark modules) at 4 px a module, then scans it.
 */
function scanSvg(svg: string): string | undefined {
  const size = Number(/viewBox="0 0 (\d+) \d+"/i.exec(svg)?.[1]);
  const d =
    /<path[^>]*stroke="[^"]+"[^>]*d="([^"]+)"/.exec(svg)?.[1] ??
    /<path[^>]*d="([^"]+)"[^>]*stroke=/.exec(svg)?.[1];
  if (!size || !d) throw new Error('not a qrcode SVG');
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MmHhVv])([^MmHhVv]*)/g)) {
    const n = (args ?? '')
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (cmd === 'M') [x, y] = [n[0] as number, n[1] as number];
    else if (cmd === 'm') [x, y] = [x + (n[0] as number), y + (n[1] as number)];
    else if (cmd === 'h') {
      for (let i = 0; i < (n[0] as number); i++) dark.add(`${x + i},${Math.floor(y)}`);
      x += n[0] as number;
    } else throw new Error(`unexpected path command ${cmd}`);
  }
  const scale = 4;
  const px = size * scale;
  const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
  for (let py = 0; py < px; py++)
    for (let pxx = 0; pxx < px; pxx++)
      if (dark.has(`${Math.floor(pxx / scale)},${Math.floor(py / scale)}`)) {
        const o = (py * px + pxx) * 4;
        rgba[o] = rgba[o + 1] = rgba[o + 2] = 0;
      }
  return scan(rgba, px, px);
}

describe('QR codes', () => {
  it('qr.svg scans to the artifact page', async () => {
    const [slug] = published;
    const res = await get(`/api/artifacts/${slug}/qr.svg`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(scanSvg(res.body)).toBe(`${ORIGIN}/artifacts/${slug}`);
    expect((await get(`/artifacts/${slug}`, { accept: 'text/html' })).statusCode).toBe(200);
  });

  it('qr.png scans to the artifact page at the size asked for', async () => {
    const [, slug] = published;
    const res = await get(`/api/artifacts/${slug}/qr.png?size=300`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(scanPng(res.rawPayload)).toEqual({ text: `${ORIGIN}/artifacts/${slug}`, width: 300 });
    expect(scanPng((await get(`/api/artifacts/${slug}/qr.png`)).rawPayload).width).toBe(512);
    expect((await get(`/api/artifacts/${slug}/qr.png?size=20`)).statusCode).toBe(400);
  });

  it('lang=en scans to the English page; without it, to the root page the phone picks a language for', async () => {
    const [slug] = published;
    const svg = await get(`/api/artifacts/${slug}/qr.svg?lang=en`);
    expect(scanSvg(svg.body)).toBe(`${ORIGIN}/en/artifacts/${slug}`);
    const png = await get(`/api/artifacts/${slug}/qr.png?lang=en&size=200`);
    expect(scanPng(png.rawPayload).text).toBe(`${ORIGIN}/en/artifacts/${slug}`);
    expect((await get(`/en/artifacts/${slug}`, { accept: 'text/html' })).statusCode).toBe(200);
    expect((await get(`/api/artifacts/${slug}/qr.svg?lang=fr`)).statusCode).toBe(400);
    expect((await get(`/api/artifacts/${draft}/qr.svg?lang=en`)).statusCode).toBe(404);
  });

  it('uses PUBLIC_URL, not the internal host, when set', async () => {
    const before = t.app.config.PUBLIC_URL;
    t.app.config.PUBLIC_URL = 'https://stories.museum.example';
    try {
      const res = await get(`/api/artifacts/${published[0]}/qr.png`, { host: 'internal:3000' });
      expect(scanPng(res.rawPayload).text).toBe(`https://stories.museum.example/artifacts/${published[0]}`);
    } finally {
      t.app.config.PUBLIC_URL = before;
    }
  });

  it('404s drafts and unknown slugs', async () => {
    for (const url of [
      `/api/artifacts/${draft}/qr.svg`,
      `/api/artifacts/${draft}/qr.png`,
      '/api/artifacts/nope/qr.svg',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().message).toMatch(/No published artifact/);
    }
  });
});

describe('GET /api/staff/labels', () => {
  const labels = (slugs: string, headers = { cookie }) =>
    get(`/api/staff/labels?slugs=${encodeURIComponent(slugs)}`, headers);

  it('needs a staff session', async () => {
    const res = await labels(published.join(','), { cookie: '' });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/Sign in/);
    expect((await labels(published.join(','), { cookie: `${SESSION_COOKIE}=forged` })).statusCode).toBe(401);
  });

  it('prints one label per artifact: QR that scans to its page, both titles, groups, accession number', async () => {
    const res = await labels(`${published.join(',')},${published[0]}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    const doc = parseDocument(res.body);
    expect(DomUtils.findAll((e) => e.name === 'script', doc.children)).toHaveLength(0);
    const articles = DomUtils.findAll((e) => e.name === 'article', doc.children);
    expect(articles).toHaveLength(3); // the repeated slug is printed once
    for (const [i, slug] of published.entries()) {
      const detail = (await get(`/api/artifacts/${slug}`)).json();
      const a = articles[i];
      if (!a) throw new Error('label missing');
      const text = (cls: string) =>
        DomUtils.textContent(DomUtils.findOne((e) => e.attribs.class === cls, a.children) ?? []);
      expect(text('title-vi')).toBe(detail.title.vi);
      expect(text('title-en')).toBe(detail.title.en);
      expect(text('accession')).toBe(detail.accessionNumber);
      expect(text('scan')).toBe('Quét để xem phim / Scan to watch');
      for (const g of detail.ethnicGroups) expect(text('groups')).toContain(g.name.vi);
      const svg = DomUtils.getOuterHTML(DomUtils.findOne((e) => e.name === 'svg', a.children) ?? [], {
        xmlMode: true,
      });
      expect(scanSvg(svg)).toBe(`${ORIGIN}/artifacts/${slug}`);
    }
    expect(res.body).toMatch(/@media print/);
  });

  it('escapes what staff typed', async () => {
    const id = t.app.repos.artifacts.bySlug(published[0])?.id;
    const before = t.app.db.prepare('SELECT title_en FROM artifacts WHERE id = ?').get(id) as {
      title_en: string;
    };
    t.app.db.prepare('UPDATE artifacts SET title_en = ? WHERE id = ?').run(HOSTILE, id);
    try {
      const doc = parseDocument((await labels(published[0])).body);
      expect(DomUtils.findAll((e) => e.name === 'script', doc.children)).toHaveLength(0);
      const en = DomUtils.findOne((e) => e.attribs.class === 'title-en', doc.children);
      expect(en && DomUtils.textContent(en)).toBe(HOSTILE);
    } finally {
      t.app.db.prepare('UPDATE artifacts SET title_en = ? WHERE id = ?').run(before.title_en, id);
    }
  });

  it('names what cannot be printed', async () => {
    const missing = await labels(`${published[0]},${draft},no-such-thing`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain(`${draft}, no-such-thing`);
    const bad = await labels(`${published[0]},Bad Slug`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('"Bad Slug"');
    expect((await labels(' , ')).statusCode).toBe(400);
  });
});
