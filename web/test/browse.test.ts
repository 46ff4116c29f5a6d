import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachFilms, FILMS, manifest } from '../../api/test/browse-fixtures.ts';
import { attachFakeVideo } from '../../api/test/helpers.ts';
import { type RunningSite, startSite } from './support/app.ts';
import { collectProblems, expectAccessible, openPage, PHONE, screenshot } from './support/browser.ts';
import { signedInContext } from './support/staff.ts';

// Browse like a teacher (issue 11): the films listing with its sort and filters, family pages, group pages,
// and groups without films shown as such. Films are ready versions with their posters (no encoding needed).
// Eight more published films than the api tests use, so there is more than one "show more" page (12 a page).
const MORE = [
  'nha-rong-ba-na',
  'cong-chieng-tay-nguyen',
  'khan-pieu-thai',
  'che-ruou-can-e-de',
  'tranh-tho-dao',
  'gom-cham-bau-truc',
  'vong-co-bac-hmong',
  'tuong-nha-mo-gia-rai',
];
const TOTAL = FILMS.length + MORE.length;

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(), launchChromium()]);
  const t = { ...site, config: site.app.config };
  attachFilms(t);
  for (const slug of MORE) attachFakeVideo(t, slug, manifest(600, false));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const url = (path: string) => new URL(path, site.url).href;

async function onPhone(run: (page: Page) => Promise<void>): Promise<void> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const problems = collectProblems(page);
  try {
    await run(page);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

const cardTitles = (page: Page) => page.locator('main .grid li h3').allTextContents();
const noSidewaysScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    PHONE.viewport.width,
  );

describe('the films page on a phone', () => {
  it('filters and sorts through the UI, keeps it in the URL, and back undoes it', async () => {
    await onPhone(async (page) => {
      await openPage(page, url('/'));
      await page.getByRole('navigation').getByRole('link', { name: 'Tất cả phim' }).click();
      await page.waitForURL(url('/films'));
      await page.getByRole('status').getByText(`${TOTAL} phim`).waitFor();

      await page.locator('details.filters summary').click();
      await page.getByRole('radio', { name: /Dưới 2 phút/ }).check();
      await page.waitForURL(/duration=short/);
      await page.getByRole('status').getByText('2 phim').waitFor();
      await page.getByLabel('Sắp xếp').selectOption({ label: 'Tên từ A đến Z' });
      await page.waitForURL(/order=title/);
      await expect.poll(() => cardTitles(page)).toEqual(['Dàn nhạc ngũ âm Khmer', 'Đàn tính Tày']);
      await noSidewaysScroll(page);
      await screenshot(page, 'films-phone');

      // Back: the sort is undone (newest first: the lute was published last), the filter kept.
      await page.goBack();
      await page.waitForURL((u) => !u.search.includes('order='));
      await expect.poll(() => cardTitles(page)).toEqual(['Đàn tính Tày', 'Dàn nhạc ngũ âm Khmer']);
      expect(await page.getByLabel('Sắp xếp').inputValue()).toBe('newest');

      // The URL alone brings the same list back, filters shown as chosen.
      await openPage(page, url('/films?order=title&duration=short'));
      await expect.poll(() => cardTitles(page)).toEqual(['Dàn nhạc ngũ âm Khmer', 'Đàn tính Tày']);
      await page.locator('details.filters summary').click();
      expect(await page.getByRole('radio', { name: /Dưới 2 phút/ }).isChecked()).toBe(true);
    });
  });

  it('shows more films a dozen at a time, and a reloaded link shows as many', async () => {
    await onPhone(async (page) => {
      await openPage(page, url('/films'));
      await page.getByText(`Đang hiện 12 trên ${TOTAL} phim`).waitFor();
      await page.getByRole('button', { name: 'Xem thêm phim' }).click();
      await page.waitForURL(/page=2/);
      await expect.poll(() => cardTitles(page).then((t) => t.length)).toBe(TOTAL);
      expect(await page.getByRole('button', { name: 'Xem thêm phim' }).count()).toBe(0);
      await page.reload();
      await expect.poll(() => cardTitles(page).then((t) => t.length)).toBe(TOTAL);
    });
  });

  it('keeps the films it shows when the next page fails, says so, and lets the visitor try again', async () => {
    // Not onPhone: the failing answer is the point here, not a problem.
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    try {
      await openPage(page, url('/films'));
      await page.getByText(`Đang hiện 12 trên ${TOTAL} phim`).waitFor();
      await page.route(/\/api\/films\?.*page=2/, (route) => route.fulfill({ status: 503, body: '{}' }));
      await page.getByRole('button', { name: 'Xem thêm phim' }).click();
      await page.getByRole('alert').filter({ hasText: 'Đã có lỗi' }).waitFor();
      expect((await cardTitles(page)).length).toBe(12);
      expect(await page.locator('.results').getAttribute('aria-busy')).toBe('false');
      expect(await page.getByRole('button', { name: 'Xem thêm phim' }).isEnabled()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('groups without films', () => {
  it('are names, not links, on the home page and their family page, and their page says so', async () => {
    await onPhone(async (page) => {
      await openPage(page, url('/'));
      const families = page.locator('.families');
      await families.getByRole('link', { name: "H'Mông" }).waitFor();
      // Cơ Tu has only a draft: no link, and "no films yet" beside the name.
      expect(await families.getByRole('link', { name: 'Cơ Tu' }).count()).toBe(0);
      await expect
        .poll(() => families.locator('li', { hasText: 'Cơ Tu' }).textContent())
        .toMatch(/chưa có phim/);

      await families.getByRole('link', { name: 'Môn–Khmer' }).click();
      await page.waitForURL(url('/families/mon-khmer'));
      await page.getByRole('heading', { level: 1, name: 'Môn–Khmer' }).waitFor();
      const groups = page.locator('ul.groups');
      await groups.getByRole('link', { name: 'Khmer' }).waitFor();
      expect(await groups.getByRole('link', { name: 'Cơ Tu' }).count()).toBe(0);
      await noSidewaysScroll(page);

      await openPage(page, url('/groups/co-tu'));
      await page.getByRole('heading', { level: 1, name: 'Cơ Tu' }).waitFor();
      await page.getByText('Chưa có phim nào về dân tộc này.').waitFor();
    });
  });
});

describe('a group page', () => {
  it("shows the description staff wrote, the other names, the family's page and the regions", async () => {
    const context = await signedInContext(browser, site);
    const page = await context.newPage();
    const problems = collectProblems(page);
    try {
      await openPage(page, url('/staff'));
      await page.getByRole('link', { name: 'Giới thiệu các dân tộc' }).click();
      await page.getByLabel('Dân tộc', { exact: true }).selectOption({ label: "H'Mông" });
      const vi = page.getByLabel('Tiếng Việt');
      await expect.poll(() => vi.isEditable()).toBe(true);
      await vi.fill('Người **Mông** sống trên núi cao.');
      await page.getByLabel('Tiếng Anh').fill('The Hmong live high in the mountains.');
      await page.getByRole('button', { name: 'Lưu giới thiệu' }).click();
      await page.getByRole('status').getByText('Đã lưu.').waitFor();
      await expectAccessible(page);

      await page.getByRole('link', { name: 'Xem trang dân tộc' }).click();
      await page.waitForURL(url('/groups/hmong'));
      await page.locator('.about strong', { hasText: 'Mông' }).waitFor();
      const head = page.locator('.named-head');
      expect(await head.textContent()).toMatch(/Mèo/);
      expect(await head.textContent()).toMatch(/Hà Giang, Lào Cai/);
      await head.getByRole('link', { name: 'Mông–Dao' }).last().click();
      await page.waitForURL(url('/families/mong-dao'));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a page of something that is not there', () => {
  it('says so in its heading, and the artifact page offers search as the way on', async () => {
    // Not onPhone: the api's 404s are the point here, not problems.
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    try {
      for (const path of ['/groups/khong-co', '/families/khong-co', '/artifacts/khong-co']) {
        await openPage(page, url(path));
        await page.getByRole('heading', { level: 1, name: 'Không tìm thấy trang' }).waitFor();
        const main = page.locator('main');
        expect(await main.getByRole('link', { name: 'Tìm kiếm' }).count(), path).toBe(
          path.startsWith('/artifacts/') ? 1 : 0,
        );
      }
    } finally {
      await context.close();
    }
  });
});

describe('accessibility of the new pages', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`finds no serious axe violation on films, family and group pages (${lang})`, async () => {
      await onPhone(async (page) => {
        for (const path of [
          '/films?duration=long',
          '/families/mon-khmer',
          '/groups/co-tu',
          '/groups/hmong',
        ]) {
          await openPage(page, url(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`));
          await page.locator('main h1').first().waitFor();
          await page
            .locator('[aria-busy="true"], .status.loading')
            .first()
            .waitFor({ state: 'detached' })
            .catch(() => {});
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          await expectAccessible(page);
        }
      });
    });
  }
});
