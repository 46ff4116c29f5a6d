import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectProblems, openPage, videoState } from './support/browser.ts';
import { attachClip, createArtifact, siteClip } from './support/publish.ts';
import { useSiteAndBrowser } from './support/site-browser.ts';

// The interactive transcript and links to a moment, in a real browser against the real env.site. Each test runs
// alone: npx vitest run --project web test/transcript.test.ts -t "<name>".
const SLUG = 'transcript-khen';
const CLIP = { durationSec: 12, width: 640, height: 360, fps: 25, audio: true };
/** 24 half-second lines: more than the panel shows at once, so following the film has to scroll it. */
const LINES = 24;
const EN_CAPTIONS = join(import.meta.dirname, '../../fixtures/captions/khen-hmong.en.vtt');

const env = useSiteAndBrowser();
let published: Promise<void> | undefined;

function manyLines(): string {
  const stamp = (s: number) => `00:00:${s.toFixed(3).padStart(6, '0')}`;
  const cues = Array.from(
    { length: LINES },
    (_, i) =>
      `${stamp(i * 0.5)} --> ${stamp(i * 0.5 + 0.5)}\nCâu số ${i + 1}: ${i % 6 === 0 ? 'đồ gốm' : 'tiếng khèn'}`,
  );
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

/** One published clip with Vietnamese (24 lines) and English captions, made on first use. */
const ready = () =>
  (published ??= (async () => {
    const vi = join(env.site.dataDir, 'transcript.vi.vtt');
    writeFileSync(vi, manyLines());
    const record = createArtifact(env.site, SLUG, { status: 'published' });
    await attachClip(env.site, record.id, await siteClip(env.site, SLUG, CLIP), { vi, en: EN_CAPTIONS });
  })());

/** A desktop page (the transcript beside the player) that may use the clipboard. */
async function desktopPage(path: string) {
  await ready();
  const context = await env.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.site.url });
  const page = await context.newPage();
  const problems = collectProblems(page);
  await openPage(page, new URL(path, env.site.url).href);
  return { page, problems };
}

const lines = (page: Page) => page.getByRole('list', { name: /Các câu lời thoại/ }).getByRole('button');
const activeLine = (page: Page) =>
  page.locator('.transcript [aria-current="true"] .time').textContent({ timeout: 30_000 });
const panelScroll = (page: Page) => page.locator('.transcript ol').evaluate((ol) => ol.scrollTop);

describe('interactive transcript', () => {
  it('follows playback, and a line plays from its time', async () => {
    const { page, problems } = await desktopPage(`/artifacts/${SLUG}`);
    await expect.poll(() => lines(page).count(), { timeout: 30_000 }).toBe(LINES);
    expect(await videoState(page)).toMatchObject({ paused: true, currentTime: 0 });

    const scrollY = await page.evaluate(() => window.scrollY);
    // Line 3 starts at 1 s: choosing it starts the film there.
    await lines(page).nth(2).click();
    await expect
      .poll(async () => (await videoState(page)).currentTime, { timeout: 60_000 })
      .toBeGreaterThan(1);
    expect((await videoState(page)).paused).toBe(false);
    const first = await activeLine(page);
    expect(await panelScroll(page)).toBe(0);
    // The active line moves on as the film plays, and the panel scrolls to keep it in view...
    await expect.poll(() => activeLine(page), { timeout: 30_000 }).not.toBe(first);
    await expect.poll(() => panelScroll(page), { timeout: 30_000 }).toBeGreaterThan(0);
    const inView = await page.locator('.transcript ol').evaluate((ol) => {
      const line = ol.querySelector('[aria-current="true"]')?.getBoundingClientRect();
      const box = ol.getBoundingClientRect();
      return !line || (line.top >= box.top && line.bottom <= box.bottom);
    });
    expect(inView).toBe(true);
    // ...but the page itself never moves.
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollY);
    expect(problems).toEqual([]);
  });

  it('searches within the transcript, tone-exact first, with a count', async () => {
    const { page } = await desktopPage(`/artifacts/${SLUG}`);
    await expect.poll(() => lines(page).count(), { timeout: 30_000 }).toBe(LINES);
    await page.getByLabel('Tìm trong lời thoại').fill('gom');
    // Lines 1, 7, 13 and 19 say "gốm".
    await expect.poll(() => page.locator('.transcript .count').textContent()).toBe('1/4');
    expect(await page.locator('.transcript mark').count()).toBe(4);
    await page.getByRole('button', { name: 'Kết quả sau' }).click();
    await expect.poll(() => page.locator('.transcript .count').textContent()).toBe('2/4');
    expect(await page.locator('.transcript mark.here').textContent()).toBe('gốm');
  });
});

describe('links to a moment', () => {
  it('?t= shows the poster until play, then starts at that time', async () => {
    const { page } = await desktopPage(`/artifacts/${SLUG}?t=0:07`);
    await page.locator('.player[data-engine="hls.js"]').waitFor({ timeout: 60_000 });
    // No autoplay: the poster stays and nothing plays until the visitor asks.
    expect(await videoState(page)).toMatchObject({ paused: true, currentTime: 0 });
    expect(await page.locator('.player .cover').isVisible()).toBe(true);
    // Where the film is when its first frame plays: 7 s, not 0.
    await page.locator('video').evaluate((v: HTMLVideoElement) => {
      const mark = () => v.setAttribute('data-first-playing', String(v.currentTime));
      v.addEventListener('playing', mark, { once: true });
    });
    await page.locator('.cover button').click();
    const started = page.locator('video[data-first-playing]');
    await started.waitFor({ state: 'attached', timeout: 60_000 });
    expect(Number(await started.getAttribute('data-first-playing'))).toBeGreaterThanOrEqual(6.9);
  });

  it('a range on the embed page plays from its start and pauses at its end', async () => {
    const { page } = await desktopPage(`/embed/${SLUG}?t=3,6`);
    await page.locator('.cover button').click();
    await expect
      .poll(async () => (await videoState(page)).currentTime, { timeout: 60_000 })
      .toBeGreaterThan(3);
    await expect.poll(async () => (await videoState(page)).paused, { timeout: 30_000 }).toBe(true);
    const { currentTime } = await videoState(page);
    expect(currentTime).toBeGreaterThanOrEqual(6);
    expect(currentTime).toBeLessThan(7);
  });

  it('copy link at this time copies the page address with ?t= at the current second', async () => {
    const { page } = await desktopPage(`/artifacts/${SLUG}`);
    await expect.poll(() => lines(page).count(), { timeout: 30_000 }).toBe(LINES);
    await lines(page).nth(8).click();
    await expect
      .poll(async () => (await videoState(page)).currentTime, { timeout: 60_000 })
      .toBeGreaterThan(4);
    await page.locator('video').evaluate((v: HTMLVideoElement) => v.pause());
    const second = Math.floor((await videoState(page)).currentTime);
    await page.getByRole('button', { name: 'Sao chép liên kết tại thời điểm này' }).click();
    await page.locator('.copy [aria-live]').filter({ hasText: 'Đã sao chép' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(new URL(`/artifacts/${SLUG}?t=${second}`, env.site.url).href);
  });
});
