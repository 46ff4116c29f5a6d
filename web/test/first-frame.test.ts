import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectProblems, openPage, PHONE } from './support/browser.ts';
import { THROTTLE_PROFILES, throttle } from './support/network.ts';
import { publishClip } from './support/publish.ts';
import { useSiteAndBrowser } from './support/site-browser.ts';

// What stands between opening a film's page and its first frame (issue 9): the player code is asked for as the
// app starts on a fast link (not once the page has drawn its player), still after the poster on a slow one, and
// nothing but the film is fetched between the tap and the film playing. Each test runs alone:
// npx vitest run --project web test/first-frame.test.ts -t "<name>".
const SLUG = 'first-frame-khen';

const env = useSiteAndBrowser();
let published: Promise<void> | undefined;
const ready = () => (published ??= publishClip(env.site, SLUG, 8));

interface Moments {
  /** performance.now() when the player's region was first in the page. */
  playerAt: number | null;
  /** When the <video> first fired `playing`. */
  playingAt: number | null;
}

/** A phone page that notes, from its very start, when the player appeared and when the film first played. */
async function phonePage(slow = false): Promise<Page> {
  const page = await (await env.newContext(PHONE)).newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { moments: Moments };
    w.moments = { playerAt: null, playingAt: null };
    // Capture on the document: it runs before the player's own listener on the <video>, which starts its fetches.
    document.addEventListener('playing', () => (w.moments.playingAt ??= performance.now()), true);
    new MutationObserver(() => {
      if (w.moments.playerAt === null && document.querySelector('.player'))
        w.moments.playerAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  if (slow) await throttle(page, THROTTLE_PROFILES.slow3g);
  return page;
}

const moments = (page: Page) => page.evaluate(() => (window as unknown as { moments: Moments }).moments);

/** When the page asked for the first resource whose path `test` matches, and when it had it (ms, page clock). */
const timing = (page: Page, source: string) =>
  page.evaluate((src) => {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => new RegExp(src).test(new URL(e.name).pathname)) as PerformanceResourceTiming | undefined;
    return entry ? { start: entry.startTime, end: entry.responseEnd } : null;
  }, source);

const HLS_CHUNK = '^/assets/hls-[\\w-]+\\.js$';
const playerReady = (page: Page) =>
  page.locator('.player[data-engine="hls.js"]').waitFor({ timeout: 120_000 });

describe('from opening a film to its first frame', () => {
  it('asks for the player code as the app starts on a fast link, before the page has drawn its player', async () => {
    await ready();
    const page = await phonePage();
    const problems = collectProblems(page);
    await openPage(page, new URL(`/artifacts/${SLUG}`, env.site.url).href);
    await playerReady(page);
    const { playerAt } = await moments(page);
    const code = await timing(page, HLS_CHUNK);
    expect(playerAt).not.toBeNull();
    expect(code).not.toBeNull();
    expect(code?.start).toBeLessThan(playerAt as number);
    expect(problems).toEqual([]);
  });

  it('still lets the poster come first on slow 3G, and fetches the player code while the visitor reads', async () => {
    await ready();
    const page = await phonePage(true);
    await openPage(page, new URL(`/artifacts/${SLUG}`, env.site.url).href);
    await playerReady(page);
    const poster = await timing(page, '/poster/');
    const code = await timing(page, HLS_CHUNK);
    expect(poster).not.toBeNull();
    expect(code).not.toBeNull();
    expect(code?.start).toBeGreaterThanOrEqual(poster?.end as number);
  });

  it('fetches the storyboard and the end screen once the film plays, not at the tap', async () => {
    await ready();
    const page = await phonePage();
    const problems = collectProblems(page);
    await openPage(page, new URL(`/artifacts/${SLUG}`, env.site.url).href);
    await playerReady(page);
    await page.getByRole('button', { name: 'Phát' }).first().click();
    await expect
      .poll(async () => (await timing(page, '/storyboard/'))?.start, { timeout: 60_000 })
      .toBeDefined();
    await expect.poll(async () => (await timing(page, '^/assets/EndScreen-'))?.start).toBeDefined();
    const { playingAt } = await moments(page);
    expect(playingAt).not.toBeNull();
    expect((await timing(page, '/storyboard/'))?.start).toBeGreaterThanOrEqual(playingAt as number);
    expect((await timing(page, '^/assets/EndScreen-'))?.start).toBeGreaterThanOrEqual(playingAt as number);
    expect(problems).toEqual([]);
  });
});
