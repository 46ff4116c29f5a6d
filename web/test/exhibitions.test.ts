import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSite, startSite } from './support/app.ts';
import { collectProblems, expectAccessible, openPage, PHONE } from './support/browser.ts';
import { attachClip, createArtifact, siteClip } from './support/publish.ts';

// A visitor on a phone opens an exhibition from the home page and plays it all: the first item's excerpt
// ends, the second item starts by itself, and the end of the last one says so. Real clips, transcoded by the
// real worker; the exhibition is made through the repository (the staff screens have their own test).
const SLUG = 'thu-choi-tat-ca';

let site: RunningSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(), launchChromium()]);
  const clip = await siteClip(site, 'exhibition-clip', {
    durationSec: 6,
    width: 640,
    height: 360,
    fps: 25,
    audio: true,
    hue: 200,
  });
  const ids: number[] = [];
  for (const [slug, vi, en] of [
    ['ex-cong', 'Cồng thử', 'Test gong'],
    ['ex-khen', 'Khèn thử', 'Test khèn'],
  ] as const) {
    const record = createArtifact(site, slug, { title: { vi, en }, status: 'published' });
    await attachClip(site, record.id, clip);
    ids.push(record.id);
  }
  site.app.repos.exhibitions.create(
    {
      slug: SLUG,
      title: { vi: 'Triển lãm chiếu thử', en: 'A test exhibition' },
      intro: { vi: 'Hai đoạn **ngắn**.', en: 'Two **short** excerpts.' },
      coverArtifactId: ids[1] as number,
      items: [
        { artifactId: ids[0] as number, startSec: 1, endSec: 3.5, text: { vi: 'Mục một', en: 'Item one' } },
        { artifactId: ids[1] as number, startSec: 2, endSec: 4.5, text: { vi: 'Mục hai', en: 'Item two' } },
      ],
    },
    'published',
  );
  page = await (await browser.newContext(PHONE)).newPage();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const now = () => page.locator('.play-all .now').textContent();
const playerTitle = () => page.locator('.play-all .player').getAttribute('aria-label');
const videoTime = () => page.locator('.play-all video').evaluate((v: HTMLVideoElement) => v.currentTime);

describe('an exhibition on a phone', () => {
  it('is listed on the home page and opens on its own page', async () => {
    await openPage(page, site.url);
    const card = page.getByRole('link', { name: 'Triển lãm chiếu thử' });
    await card.click();
    await page.getByRole('heading', { level: 1, name: 'Triển lãm chiếu thử' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/exhibitions/${SLUG}`);
    // Each item links to its artifact at the excerpt.
    const links = page.getByRole('link', { name: /Trang hiện vật/ });
    expect(await links.nth(0).getAttribute('href')).toBe('/artifacts/ex-cong?t=1,3');
    expect(await links.nth(1).getAttribute('href')).toBe('/artifacts/ex-khen?t=2,4');
  });

  it('plays all in order: the second item starts when the first excerpt ends, then it says it is over', async () => {
    const problems = collectProblems(page);
    await openPage(page, new URL(`/exhibitions/${SLUG}`, site.url).href);
    await page.getByRole('button', { name: 'Xem tất cả theo thứ tự' }).click();
    await expect.poll(now, { timeout: 30_000 }).toBe('Đang chiếu 1/2: Cồng thử');
    // The first item starts at its excerpt's start.
    await expect.poll(videoTime, { timeout: 30_000 }).toBeGreaterThan(1.2);
    await expect.poll(now, { timeout: 30_000 }).toBe('Đang chiếu 2/2: Khèn thử');
    expect(await playerTitle()).toBe('Trình phát phim: Khèn thử');
    // The second player started by itself, at its own excerpt.
    await expect.poll(videoTime, { timeout: 30_000 }).toBeGreaterThan(2.2);
    await expect.poll(now, { timeout: 30_000 }).toBe('Đã xem hết triển lãm.');
    const end = await videoTime();
    expect(end).toBeGreaterThanOrEqual(4.5);
    expect(end).toBeLessThan(5.5);
    expect(await page.locator('.play-all video').evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('has no serious accessibility problem, in Vietnamese and in English', async () => {
    await openPage(page, new URL(`/exhibitions/${SLUG}`, site.url).href);
    await page.getByRole('heading', { level: 1, name: 'Triển lãm chiếu thử' }).waitFor();
    await expectAccessible(page);
    await openPage(page, new URL(`/exhibitions/${SLUG}?lang=en`, site.url).href);
    await page.getByRole('heading', { level: 1, name: 'A test exhibition' }).waitFor();
    await page.getByRole('button', { name: 'Play all in order' }).waitFor();
    await expectAccessible(page);
    // Nothing wider than the phone's screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('is not there as a draft', async () => {
    const id = site.app.repos.exhibitions.bySlug(SLUG)?.id as number;
    site.app.repos.exhibitions.setStatus(id, 'draft');
    try {
      await openPage(page, new URL(`/exhibitions/${SLUG}`, site.url).href);
      await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
      expect(await page.content()).not.toContain('Triển lãm chiếu thử');
      // The way on: the home page, which lists the exhibitions there are.
      await page.locator('main').getByRole('link', { name: 'Trang chủ' }).waitFor();
    } finally {
      site.app.repos.exhibitions.setStatus(id, 'published');
    }
  });
});
