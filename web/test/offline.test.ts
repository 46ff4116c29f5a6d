import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, PHONE, videoState } from './support/browser.ts';
import { attachClip, createArtifact, siteClip } from './support/publish.ts';
import { useSiteAndBrowser } from './support/site-browser.ts';

// Saving a film for offline use, in a real browser against the real site: the service worker, the Cache Storage,
// the MP4 played from it with the network off. Each test runs alone: npx vitest run --project web test/offline.test.ts.
const SLUG = 'offline-khen';
const CLIP = { durationSec: 8, width: 640, height: 360, fps: 25, audio: true };
const VI_CAPTIONS = join(import.meta.dirname, '../../fixtures/captions/khen-hmong.vi.vtt');

const env = useSiteAndBrowser();
let published: Promise<void> | undefined;

const ready = () =>
  (published ??= (async () => {
    const record = createArtifact(env.site, SLUG, { status: 'published' });
    await attachClip(env.site, record.id, await siteClip(env.site, SLUG, CLIP), { vi: VI_CAPTIONS });
  })());

async function phonePage(): Promise<{ page: Page; context: BrowserContext; requests: string[] }> {
  await ready();
  const context = await env.newContext(PHONE);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await openPage(page, new URL(`/artifacts/${SLUG}`, env.site.url).href);
  return { page, context, requests };
}

const savedCaches = (page: Page) =>
  page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('offline:')));

describe('the installable site', () => {
  it('serves the worker unversioned and revalidated, the manifest, and the public code list without staff pages', async () => {
    const get = (path: string) => fetch(new URL(path, env.site.url));
    const worker = await get('/sw.js');
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
    // A stale worker would serve stale pages: the browser must ask for it again each time.
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    const manifest = (await (await get('/manifest.webmanifest')).json()) as {
      start_url: string;
      icons: { sizes: string }[];
    };
    expect(manifest.start_url).toBe('/');
    expect(manifest.icons.map((i) => i.sizes)).toContain('512x512');
    for (const icon of ['/icons/icon-192.png', '/icons/icon-512.png'])
      expect((await get(icon)).status).toBe(200);
    const { files } = (await (await get('/offline-assets.json')).json()) as {
      files: { url: string; bytes: number }[];
    };
    expect(files.length).toBeGreaterThan(1);
    expect(files.some((f) => /\/(Editor|Dashboard|Login|Labels|Playback|hls)-/.test(f.url))).toBe(false);
    for (const file of files.slice(0, 3)) {
      const body = await (await get(file.url)).arrayBuffer();
      expect(body.byteLength).toBe(file.bytes);
    }
  });
});

describe('a film saved for offline use', () => {
  it('registers nothing and fetches nothing for offline use until the visitor asks', async () => {
    const { page, requests } = await phonePage();
    await page.getByRole('button', { name: 'Lưu để xem không cần mạng' }).waitFor();
    await page.waitForTimeout(500);
    expect(requests.filter((p) => p === '/sw.js' || p === '/offline-assets.json')).toEqual([]);
    expect(requests.some((p) => p.endsWith('.mp4'))).toBe(false);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length))).toBe(
      0,
    );
  });

  it('shows its size before saving, then plays with the network off, and can be removed', async () => {
    const { page, context } = await phonePage();
    const detail = await page.evaluate(
      async (slug) =>
        (await (await fetch(`/api/artifacts/${slug}`)).json()) as {
          video: { progressive: { bytes: number } };
        },
      SLUG,
    );
    await page.getByRole('button', { name: 'Lưu để xem không cần mạng' }).click();
    const confirm = page.getByText(/sẽ dùng khoảng [\d,.]+ MB/);
    await confirm.waitFor();
    // The MP4 is most of it; the site's code adds a little.
    const shown = Number((await confirm.textContent())?.match(/khoảng ([\d,]+) MB/)?.[1]?.replace(',', '.'));
    expect(shown).toBeGreaterThanOrEqual(Math.floor(detail.video.progressive.bytes / 1e5) / 10);
    await page.getByRole('button', { name: /^Lưu \(/ }).click();
    await page.getByText(/Đã lưu trên thiết bị này/).waitFor({ timeout: 60_000 });
    // One cache per saved copy: `offline:<what>@<when>` (a new save replaces it whole).
    expect(await savedCaches(page)).toEqual([
      expect.stringMatching(new RegExp(`^offline:film:${SLUG}@\\d+$`)),
    ]);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Khèn');
    await page
      .locator('.player')
      .getByRole('button', { name: /^(Phát|Play)$/ })
      .first()
      .click();
    await expect
      .poll(async () => (await videoState(page)).currentTime, { timeout: 30_000 })
      .toBeGreaterThan(1);
    expect(await page.locator('video').evaluate((v: HTMLVideoElement) => v.currentSrc)).toMatch(/\.mp4$/);

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Xoá bản đã lưu' }).click();
    await page.getByRole('button', { name: 'Lưu để xem không cần mạng' }).waitFor();
    expect(await savedCaches(page)).toEqual([]);
  });

  it('keeps nothing when a file cannot be fetched, and says what to do', async () => {
    const { page, context } = await phonePage();
    // On the context: the save's requests pass through the service worker, which a page's routes do not see.
    await context.route('**/*.mp4', (route) => route.fulfill({ status: 503, body: 'busy' }));
    await page.getByRole('button', { name: 'Lưu để xem không cần mạng' }).click();
    await page.getByRole('button', { name: /^Lưu \(/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(/Chưa lưu được .*503.*thử lại/);
    expect(await savedCaches(page)).toEqual([]);
  });
});
