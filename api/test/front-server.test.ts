import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FrontServer, freePort, startCaddy } from './front-process.ts';
import { attachFakeVideo, makeTestApp, type TestApp } from './helpers.ts';
import { lessonInput } from './lessons-helpers.ts';
import { addStaff, artifactInput, PASSWORD } from './staff-helpers.ts';
import { waitFor } from './wait.ts';

/**
 * The front server as compose runs it (front/Caddyfile, Debian's Caddy) in front of the real app on a real
 * SQLite file: what is on show comes from disk without touching the app, everything else goes to the app,
 * which still refuses drafts.
 */
let t: TestApp;
let front: FrontServer;
let appHits: string[] = [];
let shownId: string;
let draftId: string;
let shownSlug: string;
const segment = randomBytes(200_000);
const script = `export const words = ${JSON.stringify(Array(400).fill('nhà rông Ba Na').join(' '))};\n`;
const scriptBr = brotliCompressSync(script);

beforeAll(async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  t = await makeTestApp({ catalogue: true, config: { PUBLIC_URL: url, TRUST_PROXY: '127.0.0.1' } });
  // Counts what reaches the app: an answer with no line here came from the front server's disk.
  t.app.addHook('onRequest', async (request) => void appHits.push(request.url));
  const shown = t.app.repos.artifacts.list({ status: 'published', limit: 1, offset: 0 }).items[0];
  if (!shown) throw new Error('no published fixture');
  shownSlug = shown.slug;
  shownId = attachFakeVideo(t, shown.slug);
  const draft = t.app.repos.artifacts.create(artifactInput(), 'draft');
  draftId = attachFakeVideo(t, draft.slug);
  for (const id of [shownId, draftId]) {
    mkdirSync(join(t.config.mediaDir, id, 'v1', '360p'), { recursive: true });
    writeFileSync(join(t.config.mediaDir, id, 'v1', '360p', 'seg_00001.m4s'), segment);
  }
  t.app.publishedTree.sync();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const appPort = (t.app.server.address() as { port: number }).port;
  const webDist = join(t.dataDir, 'web-dist');
  mkdirSync(join(webDist, 'assets'), { recursive: true });
  writeFileSync(join(webDist, 'assets', 'index-abc123.js'), script);
  // The build's brotli twin of a script (web/precompress.ts); Caddy itself compresses with zstd and gzip only.
  writeFileSync(join(webDist, 'assets', 'player-abc123.js'), script);
  writeFileSync(join(webDist, 'assets', 'player-abc123.js.br'), scriptBr);
  front = await startCaddy({
    port,
    upstream: `127.0.0.1:${appPort}`,
    publishedDir: t.config.publishedDir,
    webDist,
    workDir: mkdtempSync(join(tmpdir(), 'front-')),
  });
  appHits = [];
}, 60_000);

afterAll(async () => {
  await front?.stop();
  await t?.app.close();
});

const media = (id: string, file: string) => `/media/${id}/v1/${file}`;

describe('the front server (Caddy) in front of the app', () => {
  it('serves a published segment from disk, typed, with CORS and kept for good by caches', async () => {
    const res = await fetch(`${front.url}${media(shownId, '360p/seg_00001.m4s')}`);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(segment)).toBe(true);
    expect(res.headers.get('content-type')).toBe('video/iso.segment');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(appHits).toEqual([]);
  });

  it('gives what names the film (playlist, captions) a minute in caches, as the app does', async () => {
    const viaApp = await t.app.inject({ url: media(shownId, 'master.m3u8') });
    appHits = [];
    const viaFront = await fetch(`${front.url}${media(shownId, 'master.m3u8')}`);
    expect(viaFront.status).toBe(200);
    expect(viaFront.headers.get('content-type')).toBe(viaApp.headers['content-type']);
    expect(viaFront.headers.get('cache-control')).toBe(viaApp.headers['cache-control']);
    const vtt = await fetch(`${front.url}${media(shownId, 'captions/en.vtt')}`);
    expect(vtt.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
    expect(vtt.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    expect(appHits).toEqual([]);
  });

  it('answers a Range request with exactly those bytes', async () => {
    const res = await fetch(`${front.url}${media(shownId, '360p/seg_00001.m4s')}`, {
      headers: { range: 'bytes=1000-1999' },
    });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 1000-1999/${segment.length}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(segment.subarray(1000, 2000))).toBe(true);
    expect(appHits).toEqual([]);
  });

  it("refuses a draft's media (the app answers, 404) and never serves it from disk", async () => {
    appHits = [];
    const res = await fetch(`${front.url}${media(draftId, '360p/seg_00001.m4s')}`);
    expect(res.status).toBe(404);
    expect(appHits).toEqual([media(draftId, '360p/seg_00001.m4s')]);
  });

  it('sends malformed and hidden paths to the app, which refuses them', async () => {
    for (const path of [
      `/media/${shownId}/v1/../../${draftId}/v1/360p/seg_00001.m4s`,
      `/media/${shownId}/v1/%2e%2e/%2e%2e/${draftId}/v1/master.m3u8`,
      `/media/${shownId}/.v1/master.m3u8`,
      '/media/../catalogue.sqlite',
    ]) {
      const res = await fetch(`${front.url}${path}`);
      expect(res.status, path).toBe(404);
    }
  });

  it('proxies the api and the pages to the app, compressing text', async () => {
    const api = await fetch(`${front.url}/api/artifacts/${shownSlug}`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { slug: string }).slug).toBe(shownSlug);
    expect(appHits).toContain(`/api/artifacts/${shownSlug}`);
    const health = await fetch(`${front.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('serves the built web from disk, compressed, kept for good', async () => {
    appHits = [];
    const res = await fetch(`${front.url}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch decodes gzip itself; the size on the wire shows it was compressed.
    expect(await res.text()).toBe(script);
    const raw = await rawGet(`${front.url}/assets/index-abc123.js`);
    expect(raw.length).toBeLessThan(script.length / 4);
    expect(gunzipSync(raw).toString()).toBe(script);
    expect(appHits).toEqual([]);
  });

  it("sends a script's brotli twin from the build as it is, to a browser that accepts brotli", async () => {
    appHits = [];
    const res = await fetch(`${front.url}/assets/player-abc123.js`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const raw = await rawGet(`${front.url}/assets/player-abc123.js`, 'br');
    expect(raw.equals(scriptBr)).toBe(true);
    expect(brotliDecompressSync(raw).toString()).toBe(script);
    expect(appHits).toEqual([]);
  });

  it('stops serving a film from disk as soon as staff unpublish it (through the front server)', async () => {
    const user = await addStaff(t.app, 'editor');
    const origin = front.url;
    const login = await fetch(`${front.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email: user.email, password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const artifact = t.app.repos.artifacts.bySlug(shownSlug);
    const url = `${front.url}${media(shownId, '360p/seg_00001.m4s')}`;
    expect((await fetch(url)).status).toBe(200);

    const off = await fetch(`${front.url}/api/staff/artifacts/${artifact?.id}/unpublish`, {
      method: 'POST',
      headers: { cookie, origin },
    });
    expect(off.status).toBe(200);
    appHits = [];
    expect((await fetch(url)).status).toBe(404);
    expect(appHits).toEqual([media(shownId, '360p/seg_00001.m4s')]);
    // Staff still preview it: the app answers them, privately.
    const preview = await fetch(url, { headers: { cookie } });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toBe('private, no-store');

    const on = await fetch(`${front.url}/api/staff/artifacts/${artifact?.id}/publish`, {
      method: 'POST',
      headers: { cookie, origin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(on.status).toBe(200);
    appHits = [];
    expect((await fetch(url)).status).toBe(200);
    expect(appHits).toEqual([]);
  });
});

describe("teachers' pages through the front server", () => {
  it('makes and opens a lesson: the page and its data stay unlisted and uncached, a draft exhibition stays hidden', async () => {
    const created = await fetch(`${front.url}/api/lessons`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: front.url },
      body: JSON.stringify(lessonInput([shownSlug])),
    });
    expect(created.status).toBe(201);
    const { lesson } = (await created.json()) as { lesson: { code: string } };
    for (const path of [`/l/${lesson.code}`, `/en/l/${lesson.code}`, `/l/${lesson.code}/print`, '/join']) {
      const page = await fetch(`${front.url}${path}`, { headers: { accept: 'text/html' } });
      expect(page.status, path).toBe(200);
      expect(page.headers.get('x-robots-tag'), path).toBe('noindex, nofollow');
      expect(await page.text(), path).toContain('<meta name="robots" content="noindex, nofollow"');
    }
    const data = await fetch(`${front.url}/api/lessons/${lesson.code}`);
    expect(data.status).toBe(200);
    expect(data.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    // A shared cache in front (a CDN) must never keep one school's lesson for another's request.
    expect(data.headers.get('cache-control') ?? '').not.toMatch(/public|s-maxage/);
    expect(((await data.json()) as { items: { artifact: { slug: string } }[] }).items[0]?.artifact.slug).toBe(
      shownSlug,
    );
    // The seeded exhibitions have no ready film here: not on show, through the front server as in the app.
    expect(t.app.repos.exhibitions.count()).toBeGreaterThan(0);
    const exhibition = await fetch(`${front.url}/exhibitions/nhac-cu-tay-nguyen`, {
      headers: { accept: 'text/html' },
    });
    expect(exhibition.status).toBe(404);
  });
});

describe('the front server over TLS, as for a public host name', () => {
  let tls: FrontServer;
  beforeAll(async () => {
    const appPort = (t.app.server.address() as { port: number }).port;
    tls = await startCaddy({
      port: await freePort(),
      upstream: `127.0.0.1:${appPort}`,
      publishedDir: t.config.publishedDir,
      webDist: join(t.dataDir, 'web-dist'),
      workDir: mkdtempSync(join(tmpdir(), 'front-tls-')),
      tls: true,
    });
  }, 60_000);
  afterAll(() => tls?.stop());

  it('speaks HTTP/2 and offers HTTP/3, for media from disk and for the api', async () => {
    const segmentRes = await waitFor('the certificate to be issued', () =>
      http2Get(tls.url, media(shownId, '360p/seg_00001.m4s')).catch(() => undefined),
    );
    expect(segmentRes.status).toBe(200);
    expect(segmentRes.body.equals(segment)).toBe(true);
    expect(segmentRes.headers['alt-svc']).toMatch(/h3=":\d+"/);
    const api = await http2Get(tls.url, '/api/categories');
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body.toString()).length).toBeGreaterThan(0);
  });
});

/** One GET over HTTP/2 (TLS, Caddy's own CA not trusted here, hence no verification). */
function http2Get(
  origin: string,
  path: string,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const session = connect(origin, { rejectUnauthorized: false });
    session.once('error', reject);
    const req = session.request({ ':path': path });
    const chunks: Buffer[] = [];
    let headers: Record<string, string> = {};
    req.on('response', (h) => (headers = h as Record<string, string>));
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      session.close();
      resolve({ status: Number(headers[':status']), headers, body: Buffer.concat(chunks) });
    });
    req.once('error', reject);
    req.end();
  });
}

/** The body as sent, still compressed (fetch would decode it). */
async function rawGet(url: string, encoding = 'gzip'): Promise<Buffer> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks)));
    })
      .on('error', reject)
      .end();
  });
}
