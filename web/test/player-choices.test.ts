import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectProblems, expectAccessible, openPage, PHONE, videoState } from './support/browser.ts';
import { publishClip } from './support/publish.ts';
import { useSiteAndBrowser } from './support/site-browser.ts';

// The visitor's data choice (auto, data saver, audio only) and the end screen, on a phone. Each test runs alone:
// npx vitest run --project web test/player-choices.test.ts -t "<name>".
const FIRST = 'player-choices-first';
const LATEST = 'player-choices-latest';

const env = useSiteAndBrowser();
let published: Promise<void> | undefined;

/**
 * Two 4 s clips of the same ethnic group (H'Mông), 640×360 so the ladder has two rungs (360p, 240p) and the
 * sound alone; LATEST is published last, so FIRST is its next clip.
 */
const ready = () =>
  (published ??= (async () => {
    await publishClip(env.site, FIRST, 4, { width: 640, height: 360 });
    await publishClip(env.site, LATEST, 4, { width: 640, height: 360 });
  })());

/**
 * A phone page recording the media it fetches. The link is remembered as fast (20 Mbit/s), so Auto would
 * start on the 360p rung: a choice that stays on 240p is the data saver's doing.
 */
async function phonePage(path: string) {
  const context = await env.newContext(PHONE);
  await context.addInitScript(() => {
    if (!localStorage.getItem('player.bandwidth'))
      localStorage.setItem('player.bandwidth', JSON.stringify({ bps: 20_000_000, at: Date.now() }));
  });
  const page = await context.newPage();
  const problems = collectProblems(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await openPage(page, new URL(path, env.site.url).href);
  return { page, problems, requests };
}

/** The player has attached its engine (hls.js and the first playlist) while the visitor reads. */
const playerReady = (page: Page) =>
  page.locator('.player[data-engine="hls.js"]').waitFor({ timeout: 60_000 });

/** Picks a data choice in the player's menu, as a visitor does: the menu button, then the item. */
async function chooseData(page: Page, item: RegExp) {
  await page.getByRole('button', { name: /^Dữ liệu/ }).click();
  await page.getByRole('menuitemradio', { name: item }).click();
}

const checkedData = (page: Page) =>
  page.locator('.player [role="menuitemradio"][aria-checked="true"]').last().textContent();

/** Film and sound fragments (init segments and media segments) fetched since `from`. */
const fragments = (requests: string[], from = 0) =>
  requests.slice(from).filter((p) => /\/media\/.*(\.m4s|init[^/]*\.mp4)$/.test(p));

async function playUntil(page: Page, seconds: number) {
  await expect
    .poll(async () => (await videoState(page)).currentTime, { timeout: 60_000 })
    .toBeGreaterThan(seconds);
}

describe('the data choice', () => {
  it('audio only fetches the sound alone, keeps the poster on screen, and is remembered across a reload', async () => {
    await ready();
    const { page, problems, requests } = await phonePage(`/artifacts/${LATEST}`);
    await playerReady(page);
    // Each choice says what the whole clip costs, in megabytes as Vietnamese writes them.
    await page.getByRole('button', { name: /^Dữ liệu/ }).click();
    // (The checked item's name begins with its ✓.)
    await page.getByRole('menuitemradio', { name: /Tự động \(tối đa ≈ \d+,\d MB\)$/ }).waitFor();
    await page
      .getByRole('menuitemradio', { name: /^Tiết kiệm dữ liệu, chất lượng thấp \(≈ \d+,\d MB\)$/ })
      .waitFor();
    const choiceAt = requests.length;
    await page.getByRole('menuitemradio', { name: /^Chỉ nghe \(≈ \d+,\d MB\)$/ }).click();
    await playerReady(page);

    await page.getByRole('button', { name: 'Phát' }).first().click();
    await playUntil(page, 0.5);
    expect(fragments(requests, choiceAt).length).toBeGreaterThan(0);
    expect(fragments(requests, choiceAt).filter((p) => !p.includes('/audio/'))).toEqual([]);
    // The poster, not a black box, with the loading state gone and a line saying only the sound plays.
    await expect.poll(() => page.locator('.player .cover img').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('status').textContent()).toBe('');
    await page.getByText('Chỉ nghe: đang phát âm thanh, không có hình').waitFor();

    // The next page (here the same one, reloaded) plays the sound alone from the start.
    const reloadAt = requests.length;
    await page.reload();
    await playerReady(page);
    expect(await checkedData(page)).toMatch(/^Chỉ nghe/);
    await page.getByRole('button', { name: 'Phát' }).first().click();
    await playUntil(page, 0.5);
    // The page asks for the master playlist with its HTML (2 KB, the "at most"), before the player knows
    // the choice; nothing of the picture follows: no video rung's playlist, no video segment.
    expect(requests.slice(reloadAt).filter((p) => p.endsWith('/master.m3u8')).length).toBeLessThanOrEqual(1);
    expect(requests.slice(reloadAt).filter((p) => /\/\d+p\/index\.m3u8$/.test(p))).toEqual([]);
    expect(fragments(requests, reloadAt).filter((p) => !p.includes('/audio/'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('the data saver fetches only the lowest rung, where Auto would start higher', async () => {
    await ready();
    const { page, problems, requests } = await phonePage(`/artifacts/${LATEST}`);
    await playerReady(page);
    await chooseData(page, /^Tiết kiệm dữ liệu/);
    await playerReady(page);
    await page.getByRole('button', { name: 'Phát' }).first().click();
    await playUntil(page, 3);

    const video = fragments(requests);
    expect(video.length).toBeGreaterThan(0);
    expect(video.filter((p) => !p.includes('/240p/'))).toEqual([]);
    expect((await videoState(page)).videoHeight).toBe(240);
    // Only one rung to play: no quality menu to contradict the choice.
    expect(await page.getByRole('button', { name: /^Chất lượng/ }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

describe('the end of a clip', () => {
  it('offers Replay, the next clip of the same group and the story, with focus on the choices', async () => {
    await ready();
    const { page, problems } = await phonePage(`/artifacts/${LATEST}`);
    await playerReady(page);
    await page.getByRole('button', { name: 'Phát' }).first().click();

    const end = page.getByRole('group', { name: 'Hết phim' });
    await end.waitFor({ timeout: 60_000 });
    // The visitor was in the player (the play button had focus): focus moves to the end screen's first choice.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Xem lại');
    const next = end.getByRole('link', { name: new RegExp(`Phim tiếp theo.*${FIRST}`) });
    expect(await next.getAttribute('href')).toBe(`/artifacts/${FIRST}`);
    await expectAccessible(page);

    // Read the story: the story text takes focus.
    await end.getByRole('link', { name: 'Đọc câu chuyện' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('story');

    // Escape closes it, back on the play button.
    await end.getByRole('button', { name: 'Xem lại' }).focus();
    await page.keyboard.press('Escape');
    await end.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Phát');

    // Play from the end starts over; at the end the screen is back, and Replay plays again from the start.
    await page.keyboard.press('Space');
    await end.waitFor({ timeout: 60_000 });
    await end.getByRole('button', { name: 'Xem lại' }).click();
    await end.waitFor({ state: 'detached' });
    await expect.poll(async () => (await videoState(page)).paused).toBe(false);
    expect((await videoState(page)).currentTime).toBeLessThan(3);

    // The next clip's link leads to its page.
    await end.waitFor({ timeout: 60_000 });
    await next.click();
    await page.waitForURL(new URL(`/artifacts/${FIRST}`, env.site.url).href);
    await page.getByRole('heading', { level: 1, name: new RegExp(FIRST) }).waitFor();
    expect(problems).toEqual([]);
  });
});
