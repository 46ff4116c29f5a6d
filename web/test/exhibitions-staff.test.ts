import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSite, startSite } from './support/app.ts';
import { expectAccessible, openPage } from './support/browser.ts';
import { signedInContext } from './support/staff.ts';

// Staff make an exhibition with the keyboard alone: add items, type an excerpt, read a refusal that points at
// the wrong field, reorder with the Move buttons, save, and are told why it cannot be published yet.
let site: RunningSite;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(), launchChromium()]);
  page = await (await signedInContext(browser, site)).newPage();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const BROCADE = 'Tấm vải thổ cẩm Thái';
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      id: el?.id ?? '',
      text: el?.getAttribute('aria-label') ?? '',
      legend: el?.closest('fieldset.row')?.querySelector('legend')?.textContent ?? '',
    };
  });

describe('the staff exhibition editor', () => {
  it('builds, checks, reorders and saves an exhibition from the keyboard', async () => {
    await openPage(page, new URL('/staff/exhibitions', site.url).href);
    await page.getByRole('link', { name: 'Triển lãm mới' }).click();
    await page.getByRole('heading', { level: 1, name: 'Triển lãm mới' }).waitFor();
    await page.locator('#ex-title-vi').fill('Vải miền núi');
    for (const slug of ['tho-cam-thai', 'khan-pieu-thai']) {
      await page.locator('.add select').selectOption(slug);
      await page.getByRole('button', { name: 'Thêm mục' }).press('Enter');
    }
    await page.locator('#item-1-start').fill('5');
    await page.locator('#item-1-end').fill('4');
    await page.getByRole('button', { name: 'Lưu triển lãm' }).press('Enter');
    await expect
      .poll(() => page.locator('form [role="alert"]').textContent())
      .toMatch(/^Mục 2: điểm kết thúc phải sau điểm bắt đầu/);
    await expect.poll(async () => (await focused()).id).toBe('item-1-end');
    expect(site.app.repos.exhibitions.count()).toBe(3);

    await page.locator('#item-1-end').fill('9');
    await page.getByRole('button', { name: 'Lưu triển lãm' }).press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Sửa triển lãm' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/staff\/exhibitions\/\d+$/);
    const created = site.app.repos.exhibitions.bySlug('vai-mien-nui');
    expect(created?.items.map((i) => [i.artifactSlug, i.startSec, i.endSec])).toEqual([
      ['tho-cam-thai', null, null],
      ['khan-pieu-thai', 5, 9],
    ]);

    // Move the brocade down with the keyboard: focus stays on it, now item 2, and the move is announced.
    await page.getByRole('button', { name: `Xuống dưới: ${BROCADE}` }).press('Enter');
    await expect.poll(async () => (await focused()).legend).toBe(`Mục 2: ${BROCADE}`);
    expect((await focused()).text).toBe(`Lên trên: ${BROCADE}`);
    await page.getByText(`Đã chuyển mục “${BROCADE}” đến vị trí 2.`).waitFor();
    await page.getByRole('button', { name: 'Lưu triển lãm' }).press('Enter');
    await page.getByText('Đã lưu.').waitFor();
    expect(site.app.repos.exhibitions.bySlug('vai-mien-nui')?.items.map((i) => i.artifactSlug)).toEqual([
      'khan-pieu-thai',
      'tho-cam-thai',
    ]);
    // No film is ready in this catalogue: every item is marked, and publishing is refused with the reason.
    expect(await page.getByText('Khách chưa thấy mục này', { exact: false }).count()).toBe(2);
    await page.getByRole('button', { name: 'Xuất bản' }).press('Enter');
    await expect
      .poll(() => page.locator('form [role="alert"]').textContent())
      .toMatch(/chưa có mục nào xem được/);
    expect(site.app.repos.exhibitions.bySlug('vai-mien-nui')?.status).toBe('draft');
    await expectAccessible(page);
  });
});
