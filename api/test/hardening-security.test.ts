import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig, type RawConfig } from '../src/config.ts';
import { LoginBackoff } from '../src/services/login-backoff.ts';
import { makeTestApp, type TestApp } from './helpers.ts';
import { attachReadyVideo, makeReachApp, slugsWhere } from './reach-fixtures.ts';
import { addStaff, PASSWORD } from './staff-helpers.ts';

/** Each case builds its own app (no order dependence) and closes it. */
async function withApp<A extends TestApp>(make: Promise<A>, run: (t: A) => Promise<void>): Promise<void> {
  const t = await make;
  try {
    await run(t);
  } finally {
    await t.app.close();
  }
}

const reachApp = (config: Partial<RawConfig> = {}) =>
  makeReachApp(config).then((t) => {
    const [slug] = slugsWhere(t, 'published') as [string];
    const videoId = attachReadyVideo(t, slug);
    return { ...t, slug, videoId };
  });

async function editorCookie(t: TestApp): Promise<string> {
  const editor = await addStaff(t.app, 'editor');
  return `sid=${t.app.staffAccounts.startSession(editor.id).token}`;
}

const publishedId = (t: TestApp, slug: string) => t.app.repos.artifacts.bySlug(slug)?.id as number;

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('hardening: security', () => {
  afterEach(() => vi.useRealTimers());

  it('item 1: a cross-site write is refused however the staff path is spelled (%73taff, st%61ff)', async () => {
    await withApp(reachApp(), async (t) => {
      const cookie = await editorCookie(t);
      const id = publishedId(t, t.slug);
      for (const path of ['/api/staff', '/api/%73taff', '/api/st%61ff', '/api/%73%74%61%66%66']) {
        const res = await t.app.inject({
          method: 'POST',
          url: `${path}/artifacts/${id}/unpublish`,
          headers: { cookie, origin: 'https://evil.example' },
        });
        expect(res.statusCode, path).toBe(403);
        expect(res.json().message).toContain('https://evil.example');
      }
      expect(t.app.repos.artifacts.byId(id)?.status).toBe('published');
      const own = await t.app.inject({
        method: 'POST',
        url: `/api/%73taff/artifacts/${id}/unpublish`,
        headers: { cookie, origin: 'http://localhost' },
      });
      expect(own.statusCode).toBe(200);
    });
  });

  it('item 2: TRUST_PROXY=true is refused with what to write instead; a trusted proxy needs PUBLIC_URL', () => {
    expect(problemsOf({ TRUST_PROXY: 'true', PUBLIC_URL: 'https://s.example' }).join('\n')).toMatch(
      /TRUST_PROXY=127\.0\.0\.1.*TRUST_PROXY=1/,
    );
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/99', PUBLIC_URL: 'https://s.example' })).toHaveLength(1);
    expect(problemsOf({ TRUST_PROXY: '1' }).join('\n')).toMatch(/needs PUBLIC_URL/);
    const ok = { PUBLIC_URL: 'https://s.example' };
    expect(loadConfig({ ...ok, TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...ok, TRUST_PROXY: '10.0.0.0/8, ::1' }).trustProxy).toEqual(['10.0.0.0/8', '::1']);
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it("item 2: the login limit keys on the address the trusted proxy saw, not on the client's X-Forwarded-For", async () => {
    await withApp(
      makeTestApp({ config: { TRUST_PROXY: '1', PUBLIC_URL: 'http://localhost' } }),
      async (t) => {
        const attempt = (i: number, client: string) =>
          t.app.inject({
            method: 'POST',
            url: '/api/staff/login',
            // The client writes the left part; the proxy (one hop) appends the address it saw.
            headers: { 'x-forwarded-for': `198.51.100.${i}, ${client}` },
            payload: { email: `nobody${i}@museum.test`, password: 'wrong password 123' },
          });
        const codes: number[] = [];
        for (let i = 0; i < 11; i++) codes.push((await attempt(i, '203.0.113.7')).statusCode);
        expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
        expect(codes[10]).toBe(429);
        expect((await attempt(99, '203.0.113.8')).statusCode).toBe(401);
      },
    );
  });

  it('item 2: wrong passwords make that account wait, at most a minute; the right password after the wait signs in', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await withApp(makeTestApp(), async (t) => {
      const user = await addStaff(t.app, 'editor');
      const other = await addStaff(t.app, 'editor');
      const login = (email: string, password: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/staff/login',
          headers: { 'accept-language': 'vi' },
          payload: { email, password },
        });
      for (let i = 0; i < 4; i++) expect((await login(user.email, 'a wrong password')).statusCode).toBe(401);
      const waiting = await login(user.email, PASSWORD);
      expect(waiting.statusCode).toBe(429);
      expect(waiting.headers['retry-after']).toBe('1');
      expect(waiting.json().message).toMatch(/đợi 1 giây/);
      expect((await login(other.email, PASSWORD)).statusCode).toBe(200);
      vi.setSystemTime(Date.now() + 1000);
      expect((await login(user.email, PASSWORD)).statusCode).toBe(200);
    });
    // However long an attacker keeps failing, the real user's wait stays bounded.
    let now = 0;
    const backoff = new LoginBackoff({ now: () => now });
    for (let i = 0; i < 40; i++) {
      now += backoff.waitMs('a@museum.test');
      backoff.failed('a@museum.test');
    }
    expect(backoff.waitMs('A@museum.test ')).toBe(60_000);
  });

  it('item 3: a forged Host never reaches a cacheable answer; with PUBLIC_URL it shapes nothing', async () => {
    const paths = (slug: string, site: string) => [
      `/oembed?url=${encodeURIComponent(`${site}/artifacts/${slug}`)}`,
      '/sitemap.xml',
      `/iiif/artifacts/${slug}/manifest.json`,
      `/artifacts/${slug}`,
      `/api/artifacts/${slug}/qr.svg`,
      '/robots.txt',
    ];
    await withApp(reachApp(), async (t) => {
      const { slug } = t;
      for (const url of paths(slug, 'http://evil.example')) {
        const res = await t.app.inject({ url, headers: { host: 'evil.example' } });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control'], url).toBe('no-store');
        expect(res.headers.vary, url).toMatch(/host/i);
      }
    });
    await withApp(reachApp({ PUBLIC_URL: 'https://stories.example.org' }), async (t) => {
      const { slug } = t;
      for (const url of paths(slug, 'https://stories.example.org')) {
        const res = await t.app.inject({ url, headers: { host: 'evil.example' } });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control'], url).not.toBe('no-store');
        expect(res.body, url).not.toContain('evil.example');
      }
    });
  });

  it('item 5: only the embed page may be framed; HSTS only over https; a Permissions-Policy everywhere', async () => {
    await withApp(reachApp({ TRUST_PROXY: 'loopback', PUBLIC_URL: 'https://s.example' }), async (t) => {
      const { slug } = t;
      for (const url of ['/', '/staff', '/staff/login', `/artifacts/${slug}`, '/api/artifacts']) {
        const res = await t.app.inject({ url });
        expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'self'");
        expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
        expect(res.headers['permissions-policy'], url).toMatch(/camera=\(\)/);
        expect(res.headers['strict-transport-security'], url).toBeUndefined();
      }
      const embed = await t.app.inject({ url: `/embed/${slug}` });
      expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
      expect(embed.headers['content-security-policy']).toContain("script-src 'self'");
      expect(embed.headers['x-frame-options']).toBeUndefined();
      const https = await t.app.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
      expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    });
  });

  it('item 5: an unsatisfiable Range says the size; robots.txt; oEmbed takes the other scheme', async () => {
    await withApp(reachApp(), async (t) => {
      const { slug, videoId } = t;
      writeFileSync(join(t.config.mediaDir, videoId, 'v1', 'seg_0.m4s'), Buffer.alloc(1000, 7));
      const range = await t.app.inject({
        url: `/media/${videoId}/v1/seg_0.m4s`,
        headers: { range: 'bytes=5000-6000' },
      });
      expect(range.statusCode).toBe(416);
      expect(range.headers['content-range']).toBe('bytes */1000');
      const robots = await t.app.inject({ url: '/robots.txt' });
      expect(robots.headers['content-type']).toMatch(/^text\/plain/);
      for (const line of ['Disallow: /staff', 'Disallow: /lessons', 'Disallow: /api/']) {
        expect(robots.body).toContain(line);
      }
      expect(robots.body).toMatch(/^Sitemap: http:\/\/localhost(:80)?\/sitemap\.xml$/m);
      const https = `https://localhost/artifacts/${slug}`;
      const oembed = await t.app.inject({ url: `/oembed?url=${encodeURIComponent(https)}` });
      expect(oembed.statusCode).toBe(200);
    });
  });

  it('item 6: what names a film lives a minute, segments for good; unpublished, its playlists and captions 404 at once', async () => {
    await withApp(reachApp(), async (t) => {
      const { slug, videoId } = t;
      const dir = join(t.config.mediaDir, videoId, 'v1');
      mkdirSync(join(dir, '360p'), { recursive: true });
      writeFileSync(join(dir, '360p', 'index.m3u8'), '#EXTM3U\n');
      writeFileSync(join(dir, '360p', 'seg_0.m4s'), Buffer.alloc(100, 1));
      writeFileSync(join(dir, 'captions', 'en.m3u8'), '#EXTM3U\n');
      const media = ['master.m3u8', '360p/index.m3u8', 'captions/en.m3u8', 'captions/en.vtt'].map(
        (f) => `/media/${videoId}/v1/${f}`,
      );
      const names = [...media, `/iiif/artifacts/${slug}/manifest.json`, `/api/artifacts/${slug}/qr.png`];
      for (const url of names) {
        const res = await t.app.inject({ url });
        expect(res.statusCode, url).toBe(200);
      }
      t.app.config.PUBLIC_URL = 'http://localhost';
      for (const url of [...names, '/sitemap.xml']) {
        const res = await t.app.inject({ url });
        expect(res.headers['cache-control'], url).toBe('public, max-age=60, must-revalidate');
      }
      const segmentUrl = `/media/${videoId}/v1/360p/seg_0.m4s`;
      const segment = await t.app.inject({ url: segmentUrl });
      expect(segment.headers['cache-control']).toBe('public, max-age=31536000, immutable');

      const cookie = await editorCookie(t);
      const id = publishedId(t, slug);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/staff/artifacts/${id}/unpublish`,
        headers: { cookie },
      });
      expect(res.statusCode).toBe(200);
      for (const url of [...names, segmentUrl]) {
        const gone = await t.app.inject({ url });
        expect(gone.statusCode, url).toBe(404);
        // A cache must not keep the 404 either, or the film stays missing after it is published again.
        expect(gone.headers['cache-control'], url).toBe('no-store');
      }
    });
  });

  it('item 6: unpublishing POSTs the URLs that name the film to PURGE_URL', async () => {
    const received: { method?: string; type?: string; body: { urls: string[]; prefixes: string[] } }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ method: req.method, type: req.headers['content-type'], body: JSON.parse(body) });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const site = 'https://stories.example.org';
    let film = { slug: '', videoId: '' };
    try {
      // Closing the app waits for purges in flight, so what the server received is complete afterwards.
      await withApp(
        reachApp({ PUBLIC_URL: site, PURGE_URL: `http://127.0.0.1:${port}/purge` }),
        async (t) => {
          film = t;
          const cookie = await editorCookie(t);
          const url = `/api/staff/artifacts/${publishedId(t, film.slug)}/unpublish`;
          expect((await t.app.inject({ method: 'POST', url, headers: { cookie } })).statusCode).toBe(200);
        },
      );
    } finally {
      server.close();
    }
    expect(received).toHaveLength(1);
    const [got] = received as [(typeof received)[number]];
    expect(got).toMatchObject({ method: 'POST', type: 'application/json' });
    expect(got.body.urls).toContain(`${site}/artifacts/${film.slug}`);
    expect(got.body.urls).toContain(`${site}/iiif/artifacts/${film.slug}/manifest.json`);
    expect(got.body.urls).toContain(`${site}/sitemap.xml`);
    expect(got.body.prefixes).toEqual([`${site}/media/${film.videoId}/`]);
  });
});
