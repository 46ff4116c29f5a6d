import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSite, startSite } from './support/app.ts';
import { openPage } from './support/browser.ts';

// Two curators on one artifact: the second save, made from an outdated form, must not overwrite the first.
let site: RunningSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(), launchChromium()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('editor open while someone else saves', () => {
  it('refuses the outdated save, says why, and reloads the current version on request', async () => {
    const artifacts = site.app.repos.artifacts;
    const id = site.app.db.prepare('SELECT MIN(id) FROM artifacts').pluck().get() as number;

    await openPage(page, new URL(`/staff/login?next=%2Fstaff%2Fartifacts%2F${id}`, site.url).href);
    await page.getByLabel('Email').fill(site.staff.email);
    await page.getByLabel('Mật khẩu').fill(site.staff.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(new RegExp(`/staff/artifacts/${id}$`));
    await page.locator('#title-vi').waitFor();

    // Another curator saves in the meantime (through the same repository the api writes with).
    const theirs = 'Tên do người khác sửa';
    artifacts.update(id, { title: { vi: theirs, en: 'Changed by someone else' } });

    await page.locator('#title-vi').fill('Tên cũ của tôi');
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const banner = page.locator('.stale[role="alert"]');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('đã được người khác sửa');
    expect(artifacts.byId(id)?.title.vi).toBe(theirs);

    await banner.getByRole('button', { name: /Tải lại bản hiện tại/ }).click();
    await expect.poll(() => page.locator('#title-vi').inputValue()).toBe(theirs);
    expect(await page.locator('.stale').count()).toBe(0);

    // From the reloaded copy, saving works, and so does a second save right after it.
    for (const title of ['Bản mới một', 'Bản mới hai']) {
      await page.locator('#title-vi').fill(title);
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
      await expect.poll(() => artifacts.byId(id)?.title.vi).toBe(title);
      await page.getByText('Đã lưu.').waitFor();
    }
  });
});
