import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectProblems, openPage, PHONE } from './support/browser.ts';
import { useSiteAndBrowser } from './support/session.ts';

// Language follows the visitor: English pages under /en/, a first visit following the browser, a remembered
// choice, links that keep the language. Each test runs alone: npx vitest run --project web test/language.test.ts -t "<name>".
const SLUG = 'khen-hmong';

const session = useSiteAndBrowser();

/** A phone whose browser says `locale` first, like a tourist's (en-US) or a Vietnamese visitor's (vi-VN). */
async function phone(locale: string): Promise<Page> {
  return (await session.context({ ...PHONE, locale })).newPage();
}

const path = (page: Page) => new URL(page.url()).pathname;
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const heading = (page: Page) => page.locator('main h1').first().textContent();

describe('language in the URL', () => {
  it('a first visit from an English browser lands on English, and the choice of Vietnamese sticks', async () => {
    const page = await phone('en-US');
    const problems = collectProblems(page);
    await openPage(page, `${session.site.url}/artifacts/${SLUG}`);
    await expect.poll(() => path(page)).toBe(`/en/artifacts/${SLUG}`);
    expect(await htmlLang(page)).toBe('en');
    await expect.poll(() => heading(page)).toBe("H'Mông khèn (bamboo mouth organ)");

    // The switch goes to the twin, and is remembered: the next visit to a root page stays Vietnamese.
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => path(page)).toBe(`/artifacts/${SLUG}`);
    await expect.poll(() => heading(page)).toBe("Khèn H'Mông");
    expect(await htmlLang(page)).toBe('vi');
    await openPage(page, `${session.site.url}/`);
    expect(path(page)).toBe('/');
    expect(await htmlLang(page)).toBe('vi');

    // And back: the English switch goes to the English twin of the page in view.
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => path(page)).toBe('/en/');
    await openPage(page, `${session.site.url}/groups/hmong`);
    await expect.poll(() => path(page)).toBe('/en/groups/hmong');
    // Back goes to the page before, in the language it had.
    await page.goBack();
    await expect.poll(() => path(page)).toBe('/en/');
    expect(problems).toEqual([]);
  });

  it('a Vietnamese browser stays at the root, and an English link stays English', async () => {
    const page = await phone('vi-VN');
    await openPage(page, `${session.site.url}/`);
    expect(path(page)).toBe('/');
    expect(await htmlLang(page)).toBe('vi');
    // A link someone shared in English opens in English, whatever the browser.
    await openPage(page, `${session.site.url}/en/artifacts/${SLUG}?t=3`);
    await expect.poll(() => heading(page)).toBe("H'Mông khèn (bamboo mouth organ)");
    expect(page.url()).toBe(`${session.site.url}/en/artifacts/${SLUG}?t=3`);
    // The links of the time before /en/ (?lang=en) become the /en/ path, other parameters kept.
    await openPage(page, `${session.site.url}/artifacts/${SLUG}?lang=en&t=3`);
    await expect.poll(() => page.url()).toBe(`${session.site.url}/en/artifacts/${SLUG}?t=3`);
  });

  it('links inside English pages keep the language, those written without it too', async () => {
    const page = await phone('en-GB');
    await openPage(page, `${session.site.url}/en/`);
    await page.locator('main a[href*="/artifacts/"]').first().waitFor();
    const hrefs = await page
      .locator('a[href^="/"]:not([hreflang])')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') as string));
    const site_ = hrefs.filter((h) => !h.startsWith('/staff'));
    expect(site_.length).toBeGreaterThan(10);
    expect(site_.filter((h) => !h.startsWith('/en/'))).toEqual([]);
    // A page another part of the site links to without a prefix (a new page's plain `/groups/...` link).
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = '/groups/hmong';
      a.textContent = 'plain link';
      document.querySelector('main')?.append(a);
    });
    await page.getByRole('link', { name: 'plain link' }).click();
    await expect.poll(() => path(page)).toBe('/en/groups/hmong');
    expect(await htmlLang(page)).toBe('en');
    // Search keeps it too: the query goes into an English URL.
    await page.getByRole('link', { name: 'Search' }).first().click();
    await expect.poll(() => path(page)).toBe('/en/search');
    await page.getByRole('searchbox').fill('khen');
    await expect.poll(() => page.url()).toContain('/en/search?q=khen');
  });

  it('staff pages keep no language in their URL: the switch changes and remembers it there', async () => {
    const page = await phone('en-US');
    await openPage(page, `${session.site.url}/staff/login`);
    expect(path(page)).toBe('/staff/login');
    await page.getByRole('button', { name: 'English' }).click();
    expect(path(page)).toBe('/staff/login');
    expect(await htmlLang(page)).toBe('en');
    await openPage(page, `${session.site.url}/staff/login`);
    expect(await htmlLang(page)).toBe('en');
  });
});
