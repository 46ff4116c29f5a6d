import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  collectProblems,
  expectAccessible,
  openPage,
  PHONE,
  screenshot,
  videoState,
} from './support/browser.ts';
import { attachClip, createArtifact, siteClip } from './support/publish.ts';
import { useSiteAndBrowser } from './support/session.ts';

// Share and print an artifact, in a real browser against the real site. Each test runs alone:
// npx vitest run --project web test/share-print.test.ts -t "<name>".
const SLUG = 'share-khen';
const CLIP = { durationSec: 8, width: 640, height: 360, fps: 25, audio: true };
const CAPTIONS = join(import.meta.dirname, '../../fixtures/captions');

const session = useSiteAndBrowser();
let published: Promise<void> | undefined;

/** One published clip with Vietnamese and English captions, made on first use. */
const ready = () =>
  (published ??= (async () => {
    const record = createArtifact(session.site, SLUG, { status: 'published' });
    await attachClip(session.site, record.id, await siteClip(session.site, SLUG, CLIP), {
      vi: join(CAPTIONS, 'khen-hmong.vi.vtt'),
      en: join(CAPTIONS, 'khen-hmong.en.vtt'),
    });
  })());

/**
 * A page of the site; `share` decides what navigator.share is: absent (most desktop browsers, where the button
 * copies) or a stand-in that records what the phone's share sheet would have been given.
 */
async function open(path: string, options: { share: 'none' | 'sheet'; phone?: boolean }) {
  await ready();
  // A Vietnamese browser: the root pages stay Vietnamese (language.test.ts covers the others).
  const device = options.phone ? PHONE : { viewport: { width: 1280, height: 900 } };
  const context = await session.context({ ...device, locale: 'vi-VN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.site.url });
  await context.addInitScript((mode) => {
    const nav = Navigator.prototype as unknown as Record<string, unknown>;
    delete nav.share;
    if (mode === 'sheet') {
      nav.share = async (data: ShareData) => {
        (window as unknown as { shared: ShareData[] }).shared ??= [];
        (window as unknown as { shared: ShareData[] }).shared.push(data);
      };
    }
    // The print dialog would block the test: count the calls instead.
    window.print = () => {
      (window as unknown as { printed: number }).printed =
        ((window as unknown as { printed?: number }).printed ?? 0) + 1;
    };
  }, options.share);
  const page = await context.newPage();
  const problems = collectProblems(page);
  await openPage(page, new URL(path, session.site.url).href);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, problems };
}

const status = (page: Page) => page.locator('.share [role="status"]');

describe('share', () => {
  it('copies the link in the page language where there is no share sheet, and says so', async () => {
    const { page, problems } = await open(`/en/artifacts/${SLUG}#story`, { share: 'none' });
    expect(await status(page).textContent()).toBe('');
    await page.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => status(page).textContent()).toBe('Link copied');
    expect(await status(page).isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${session.site.url}/en/artifacts/${SLUG}`,
    );

    // Once the film has moved, "From 0:0x" shares the moment too.
    await page.getByRole('button', { name: 'Play' }).first().click();
    await expect
      .poll(async () => (await videoState(page)).currentTime, { timeout: 60_000 })
      .toBeGreaterThan(2);
    await page.locator('video').evaluate((v: HTMLVideoElement) => v.pause());
    const second = Math.floor((await videoState(page)).currentTime);
    await page.getByLabel(/From \d:\d\d/).check();
    await page.getByRole('button', { name: 'Share' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${session.site.url}/en/artifacts/${SLUG}?t=${second}`);
    expect(problems).toEqual([]);
  });

  it("hands the link to the phone's share sheet where there is one", async () => {
    const { page } = await open(`/artifacts/${SLUG}?t=2`, { share: 'sheet', phone: true });
    await page.getByRole('button', { name: 'Chia sẻ' }).click();
    const shared = await page.evaluate(() => (window as unknown as { shared?: ShareData[] }).shared);
    // The page's linked moment is not passed on unless the visitor asks for "from this time".
    expect(shared).toEqual([
      { title: "Khèn H'Mông (share-khen)", url: `${session.site.url}/artifacts/${SLUG}` },
    ]);
    expect(await status(page).textContent()).toBe('');
  });
});

describe('artifact page', () => {
  it('is accessible with its share and print buttons, in Vietnamese and English, on a phone', async () => {
    for (const path of [`/artifacts/${SLUG}`, `/en/artifacts/${SLUG}`]) {
      const { page } = await open(path, { share: 'none', phone: true });
      await page.getByRole('button', { name: /^(Chia sẻ|Share)$/ }).waitFor();
      await expectAccessible(page);
    }
  });
});

describe('print layout', () => {
  it('prints title, story, key frames, transcript and a QR code back to the film, without the site around it', async () => {
    const { page, problems } = await open(`/en/artifacts/${SLUG}`, { share: 'none' });
    await page.getByRole('list', { name: /lines/i }).waitFor();
    // Nothing for paper is fetched before the visitor asks to print.
    expect(await page.locator('img[src*="/qr.svg"]').count()).toBe(0);

    await page.getByRole('button', { name: 'Print' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'artifact-print');

    const qr = page.locator('img[src*="/qr.svg"]');
    expect(await qr.getAttribute('src')).toBe(`/api/artifacts/${SLUG}/qr.svg?lang=en`);
    // Loaded before the dialog opened: the button waits for it.
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    const shown = (selector: string) => page.locator(selector).first().isVisible();
    expect(await shown('text=Quét để xem phim / Scan to watch')).toBe(true);
    expect(await qr.isVisible()).toBe(true);
    expect(await shown('h1')).toBe(true);
    expect(await shown('#story')).toBe(true);
    // Key frames of the film with their times under them (an 8 s film: a frame every 2 s), not the poster;
    // loaded before the dialog opened.
    const frames = page.locator('.print-film .frames li');
    expect(await frames.locator('.time').allTextContents()).toEqual(['0:00', '0:02', '0:04', '0:06']);
    for (const img of await frames.locator('img').all()) {
      expect(await img.isVisible()).toBe(true);
      expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
    }
    expect(await page.locator('.print-film picture').count()).toBe(0);
    expect(await shown('.transcript')).toBe(true);
    for (const hidden of [
      '.site-header',
      '.site-footer',
      '.watch',
      'video',
      '.share',
      'button.print',
      '.embed',
      '.offline',
    ]) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    // On screen again, the paper-only parts are out of sight.
    await page.emulateMedia({ media: 'screen' });
    expect(await qr.isVisible()).toBe(false);
    expect(await shown('.site-header')).toBe(true);
    expect(problems).toEqual([]);
  });
});
