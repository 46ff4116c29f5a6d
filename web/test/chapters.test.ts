import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSite, startSite } from './support/app.ts';
import { openPage, videoState } from './support/browser.ts';
import { publishClip } from './support/publish.ts';
import { signedInContext } from './support/staff.ts';

// Staff mark chapters in the editor; visitors see them on the seek bar and jump with the chapters menu.
const SLUG = 'chapters-khen';

let site: RunningSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(), launchChromium()]);
  page = await (await signedInContext(browser, site)).newPage();
  // An 8 s clip, published, transcoded by the real worker.
  await publishClip(site, SLUG, 8, { width: 640, height: 360 });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const rows = () => page.locator('form.chapters li');

describe('chapters', () => {
  it('staff add them in the editor; the public page marks them and its menu seeks', async () => {
    const id = site.app.repos.artifacts.bySlug(SLUG)?.id as number;
    const version = site.app.repos.videos.latestForArtifact(id)?.mediaVersion;

    await openPage(page, new URL(`/staff/artifacts/${id}`, site.url).href);
    await page.getByText('Chưa có chương nào.').waitFor();
    await page.getByRole('button', { name: 'Thêm chương' }).click();
    await page.getByRole('button', { name: 'Thêm chương' }).click();
    await expect.poll(() => rows().count()).toBe(2);
    await rows().nth(0).getByLabel('Bắt đầu (phút:giây)').fill('0:00');
    await rows().nth(0).getByLabel('Tên tiếng Việt').fill('Mở đầu');
    // A start past the end of the 8 s film is refused, in Vietnamese, pointing at the row.
    await rows().nth(1).getByLabel('Bắt đầu (phút:giây)').fill('0:20');
    await rows().nth(1).getByLabel('Tên tiếng Việt').fill('Thổi khèn');
    await rows().nth(1).getByLabel('Tên tiếng Anh').fill('Playing the khèn');
    await page.getByRole('button', { name: 'Lưu các chương' }).click();
    await expect
      .poll(() => page.locator('form.chapters [role="alert"]').textContent())
      .toMatch(/phim chỉ dài/);
    expect(site.app.repos.chapters.forArtifact(id)).toEqual([]);

    await rows().nth(1).getByLabel('Bắt đầu (phút:giây)').fill('0:04');
    await page.getByRole('button', { name: 'Lưu các chương' }).click();
    await page.getByText('Đã lưu 2 chương.').waitFor();
    expect(site.app.repos.chapters.forArtifact(id).map((c) => c.startSec)).toEqual([0, 4]);
    // Catalogue data: the film's version is the one it had.
    expect(site.app.repos.videos.latestForArtifact(id)?.mediaVersion).toBe(version);

    await openPage(page, new URL(`/artifacts/${SLUG}`, site.url).href);
    await page.locator('.player[data-engine="hls.js"]').waitFor({ timeout: 60_000 });
    // One tick: the chapter at 0:00 is the bar's own start.
    await expect.poll(() => page.locator('.seek .tick').count()).toBe(1);
    expect(await page.locator('video track[kind="chapters"]').getAttribute('src')).toBe(
      `/api/artifacts/${SLUG}/chapters.vtt?lang=vi`,
    );
    // Playing, so the film has data to seek in (a paused, unloaded <video> only remembers where to start).
    await page.getByRole('button', { name: 'Phát' }).first().click();
    await expect
      .poll(async () => (await videoState(page)).currentTime, { timeout: 60_000 })
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: /^Chương/ }).click();
    const item = page.getByRole('menuitemradio', { name: /0:04\s+Thổi khèn/ });
    await item.click();
    await expect.poll(async () => (await videoState(page)).currentTime).toBeGreaterThanOrEqual(3.9);
    // The chapter now playing is named on the slider for screen readers, and checked in the menu.
    await expect
      .poll(() => page.getByRole('slider', { name: 'Tua phim' }).getAttribute('aria-valuetext'))
      .toContain('Chương: Thổi khèn');
    await page.getByRole('button', { name: /^Chương/ }).click();
    expect(await item.getAttribute('aria-checked')).toBe('true');
  }, 180_000);
});
