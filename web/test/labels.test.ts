import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSite, startSite } from './support/app.ts';
import { collectProblems, expectAccessible, openPage, screenshot } from './support/browser.ts';
import { signedInContext } from './support/staff.ts';

// Gallery labels (issue 6): staff choose published artifacts and print a sheet of QR labels for them.
// The fixture catalogue is enough: a label needs a published artifact, not a clip.
const GONGS = { slug: 'cong-chieng-tay-nguyen', title: 'Cồng chiêng Tây Nguyên' };
const KHEN = { slug: 'khen-hmong', title: "Khèn H'Mông" };
const DRAFTS = 2;

let site: RunningSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(), launchChromium()]);
  // Signing in through the form is the journey's business; here the session cookie is enough.
  context = await signedInContext(browser, site);
  page = await context.newPage();
  problems = collectProblems(page);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const checkbox = (title: string) => page.getByRole('checkbox', { name: new RegExp(`^${title}`) });

/** The labels page, loaded afresh with nothing chosen: each test starts here, so each runs alone. */
async function openLabels(): Promise<void> {
  await openPage(page, new URL('/staff/labels', site.url).href);
  await checkbox(GONGS.title).waitFor();
}

/** Chooses the gongs by name without diacritics and the khèn by accession number, then shows the whole list. */
async function chooseGongsAndKhen(): Promise<void> {
  const filter = page.getByLabel('Lọc theo tên, số hiệu hoặc địa chỉ');
  await filter.fill('cong chieng');
  await expect.poll(() => page.locator('.choices li').count()).toBe(1);
  await checkbox(GONGS.title).check();
  // By accession number, too; the first choice stays chosen while hidden.
  await filter.fill('btdt-2019-0142');
  await expect.poll(() => page.locator('.choices li').count()).toBe(1);
  await checkbox(KHEN.title).check();
  await filter.fill('');
}

describe('gallery labels', () => {
  it('are reached from the dashboard and list only published artifacts', async () => {
    await openPage(page, new URL('/staff', site.url).href);
    await page.getByRole('link', { name: 'Nhãn trưng bày' }).click();
    await page.waitForURL(/\/staff\/labels$/);
    await page.getByRole('heading', { level: 1, name: 'Nhãn trưng bày' }).waitFor();
    await checkbox(GONGS.title).waitFor();
    const total = (await site.app.inject({ url: '/api/artifacts?pageSize=1' }).then((r) => r.json())) as {
      total: number;
    };
    expect(total.total).toBeGreaterThan(DRAFTS);
    expect(await page.locator('.choices input[type="checkbox"]').count()).toBe(total.total);
    // Nothing chosen yet: no link to follow, and the page says why.
    expect(await page.getByRole('link', { name: /Mở trang nhãn/ }).count()).toBe(0);
    await page.getByText('Hãy chọn ít nhất một hiện vật.').waitFor();
  });

  it('selects all shown, and clears', async () => {
    await openLabels();
    await page.getByRole('checkbox', { name: 'Chọn tất cả hiện vật đang hiện' }).check();
    const count = await page.locator('.choices input[type="checkbox"]').count();
    await page.getByRole('status').getByText(`Đã chọn ${count} hiện vật`).waitFor();
    await page.getByRole('button', { name: 'Bỏ chọn tất cả' }).click();
    await page.getByRole('status').getByText('Đã chọn 0 hiện vật').waitFor();
  });

  it('finds artifacts by name without diacritics and chooses two', async () => {
    await openLabels();
    await chooseGongsAndKhen();
    await page.getByRole('status').getByText('Đã chọn 2 hiện vật').waitFor();
    expect(await checkbox(GONGS.title).isChecked()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'staff-labels');
    expect(problems).toEqual([]);
  });

  it('opens a printable sheet with both labels and their QR codes', async () => {
    await openLabels();
    await chooseGongsAndKhen();
    const link = page.getByRole('link', { name: 'Mở trang nhãn để in (2)' });
    const href = (await link.getAttribute('href')) as string;
    expect(new URL(href, site.url).searchParams.get('slugs')?.split(',').sort()).toEqual(
      [GONGS.slug, KHEN.slug].sort(),
    );
    // Every console error but the browser's own favicon.ico request: the api's sheet links no icon (yet).
    // Listeners go on as the tab opens, before it loads anything.
    const sheetProblems: string[] = [];
    const failed: string[] = [];
    context.once('page', (tab) => {
      tab.on('console', (m) => {
        if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) sheetProblems.push(m.text());
      });
      tab.on('pageerror', (err) => sheetProblems.push(err.message));
      tab.on('response', (r) => {
        if (r.status() >= 400) failed.push(r.url());
      });
    });
    const [sheet] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await sheet.waitForLoadState();
    expect(new URL(sheet.url()).pathname).toBe('/api/staff/labels');
    const titles = await sheet.locator('.label .title-vi').allTextContents();
    expect(titles.sort()).toEqual([GONGS.title, KHEN.title].sort());
    const codes = sheet.getByRole('img', { name: /^QR: / });
    expect(await codes.count()).toBe(2);
    const targets = await codes.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label')));
    expect(targets.some((label) => label?.endsWith(`/artifacts/${KHEN.slug}`))).toBe(true);
    // Each QR code is drawn: an SVG with a real size and paths inside.
    for (const svg of await codes.all()) {
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(50);
      expect(await svg.locator('path, rect').count()).toBeGreaterThan(0);
    }
    expect(failed).toEqual([]);
    expect(sheetProblems).toEqual([]);
    await sheet.close();
  });

  it('links the editor of a published artifact to its QR code as SVG and PNG', async () => {
    const list = await context.request.get(
      new URL(`/api/staff/artifacts?status=published&pageSize=100`, site.url).href,
    );
    const item = ((await list.json()) as { items: { id: number; slug: string }[] }).items.find(
      (a) => a.slug === KHEN.slug,
    );
    expect(item).toBeDefined();
    await openPage(page, new URL(`/staff/artifacts/${item?.id}`, site.url).href);
    await page.getByRole('heading', { level: 1, name: KHEN.title }).waitFor();
    for (const [name, type] of [
      ['Mã QR (SVG)', 'image/svg+xml'],
      ['Mã QR (PNG)', 'image/png'],
    ] as const) {
      const href = (await page.getByRole('link', { name }).getAttribute('href')) as string;
      expect(href).toMatch(new RegExp(`^/api/artifacts/${KHEN.slug}/qr\\.(svg|png)$`));
      const answer = await context.request.get(new URL(href, site.url).href);
      expect(answer.status()).toBe(200);
      expect(answer.headers()['content-type']).toContain(type);
      expect((await answer.body()).length).toBeGreaterThan(200);
    }
    await expectAccessible(page);
    expect(problems).toEqual([]);
  });
});
