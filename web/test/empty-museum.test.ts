import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSite, startSite } from './support/app.ts';
import { collectProblems, openPage, PHONE } from './support/browser.ts';
import { signedInContext } from './support/staff.ts';

// A museum on its first day (SEED=none): nothing described, nothing published. Pages say so plainly rather than
// reporting a failed search or an error nobody made.
let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite({ artifacts: false }), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('an empty museum', () => {
  it('the lesson builder says no film is published yet, and a search that finds nothing says that', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const problems = collectProblems(page);
    await openPage(page, new URL('/lessons/new', site.url).href);
    await expect
      .poll(() => page.locator('.picker .none').textContent())
      .toBe('Bảo tàng chưa công bố phim nào. Hãy quay lại sau.');
    await page.locator('.picker input[type=search]').fill('khen');
    await expect.poll(() => page.locator('.picker .none').textContent()).toBe('Không có phim nào khớp.');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the staff labels page shows no "choose an artifact" hint when there is nothing to choose', async () => {
    const context = await signedInContext(browser, site);
    const page = await context.newPage();
    await openPage(page, new URL('/staff/labels', site.url).href);
    await page.getByText('Chưa có hiện vật nào được công bố').first().waitFor();
    expect(await page.getByText('Hãy chọn ít nhất một hiện vật.').count()).toBe(0);
    await context.close();
  });
});
