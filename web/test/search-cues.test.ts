import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { attachReadyManifest, fakeManifest } from '../../api/test/helpers.ts';
import { type RunningSite, startSite } from './support/app.ts';
import { collectProblems, expectAccessible, openPage } from './support/browser.ts';

// Search inside the words, in a real browser on the real site: a word said only in a clip's captions finds
// the clip, the card shows the line with its time, and the line opens the clip at that moment.
const SLUG = 'cap-vay-muong';
const SPOKEN = 'Chàmpaka';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(), launchChromium()]);
  // A ready version with its caption file, as the pipeline leaves it: search needs no encoded media. No await
  // until the file is written: the background sync cannot index the version before.
  const manifest = fakeManifest('v1', {
    captions: [{ lang: 'vi', label: 'Tiếng Việt', vtt: 'captions/vi.vtt', playlist: 'captions/vi.m3u8' }],
  });
  const { dir } = attachReadyManifest({ ...site, config: site.app.config }, SLUG, manifest);
  mkdirSync(join(dir, 'captions'), { recursive: true });
  writeFileSync(
    join(dir, 'captions/vi.vtt'),
    `WEBVTT\n\n00:00:42.000 --> 00:00:45.000\nBà kể về hoa ${SPOKEN} trên nương\n`,
  );
  await site.app.searchSync.drain();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('a spoken word finds the clip; its line and time open the artifact page at that moment', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const problems = collectProblems(page);
  try {
    await openPage(page, new URL('/search?q=champaka', site.url).href);
    const line = page.locator('.cues a').first();
    await line.waitFor();
    expect(await page.locator('.hits > li').count()).toBe(1);
    expect(await line.locator('.at').textContent()).toBe('0:42');
    expect(await line.locator('mark').allTextContents()).toEqual([SPOKEN]);
    expect(await line.getAttribute('href')).toBe(`/artifacts/${SLUG}?t=42`);
    await expectAccessible(page);

    // The facet: only clips with captions; the count is that of the matches.
    // Filters start folded on a phone.
    await page.locator('details.filters summary').click();
    const toggle = page.getByRole('checkbox', { name: /Có phụ đề/ });
    await toggle.check();
    await page.waitForURL(/captions=1/);
    await line.waitFor();
    expect(await page.locator('.hits > li').count()).toBe(1);

    await line.click();
    await page.waitForURL(new URL(`/artifacts/${SLUG}?t=42`, site.url).href);
    // The version here has no encoded media: the player asks for its master playlist before any tap and is
    // told 404 (hls.js says manifestLoadError), whenever that answer lands before the test ends.
    expect(problems.filter((p) => !/media|m3u8|poster|\.vtt|404|manifestLoadError/.test(p))).toEqual([]);
  } finally {
    await context.close();
  }
});
