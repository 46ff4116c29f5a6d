import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectProblems, openPage, screenshot, videoState } from './support/browser.ts';
import { attachClip, createArtifact, publishClip, siteClip } from './support/publish.ts';
import { useSiteAndBrowser } from './support/site-browser.ts';

// The artifact page on the phones visitors carry (issue: a reviewer on a 360×740 phone): a portrait film that
// fits the screen, captions on by default, a data icon that does not read as "download", a styled copy button.
// Each test runs alone: npx vitest run --project web test/phone-artifact.test.ts -t "<name>".
const TALL = 'phone-tall';
const WIDE = 'phone-wide';

const env = useSiteAndBrowser();
let published: Promise<void> | undefined;

const vtt = (words: string) => `WEBVTT\n\n00:00.000 --> 00:04.000\n${words}\n`;

/** A 4 s portrait clip with Vietnamese and English captions (the khèn fixture's shape), and a landscape one. */
const ready = () =>
  (published ??= (async () => {
    const record = createArtifact(env.site, TALL, { status: 'published' });
    const file = await siteClip(env.site, TALL, {
      durationSec: 4,
      width: 360,
      height: 640,
      fps: 25,
      audio: true,
    });
    const captions = { vi: join(env.site.dataDir, 'tall.vi.vtt'), en: join(env.site.dataDir, 'tall.en.vtt') };
    writeFileSync(captions.vi, vtt('Tiếng khèn'));
    writeFileSync(captions.en, vtt('The khèn sounds'));
    await attachClip(env.site, record.id, file, captions);
    await publishClip(env.site, WIDE, 4, { width: 640, height: 360 });
  })());

const phone = (width: number, height: number) => ({
  viewport: { width, height },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
});

async function open(options: Parameters<typeof env.newContext>[0], path: string) {
  const context = await env.newContext(options);
  const page = await context.newPage();
  const problems = collectProblems(page);
  await openPage(page, new URL(path, env.site.url).href);
  await page.locator('.player .cover').waitFor();
  return { page, problems };
}

/** Where the player, its picture, its bar and the title are, in the viewport, and how far the page scrolled. */
function layout(page: Page) {
  return page.evaluate(() => {
    const box = (sel: string) => {
      const r = (document.querySelector(sel) as Element).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, width: r.width, height: r.height };
    };
    return {
      innerHeight: window.innerHeight,
      scrollY: window.scrollY,
      player: box('.player'),
      screen: box('.player .screen'),
      bar: box('.player .bar'),
      h1: box('h1'),
      fit: getComputedStyle(document.querySelector('.player video') as Element).objectFit,
    };
  });
}

/** The languages of the caption tracks on screen: one at most, the one the player chose. */
const showing = (page: Page) =>
  page.locator('video').evaluate((v: HTMLVideoElement) =>
    Array.from(v.textTracks)
      .filter((t) => t.mode === 'showing')
      .map((t) => t.language),
  );

const tapPlay = (page: Page) => page.getByRole('button', { name: 'Phát' }).first().tap();

async function playUntil(page: Page, seconds: number) {
  await expect
    .poll(async () => (await videoState(page)).currentTime, { timeout: 60_000 })
    .toBeGreaterThan(seconds);
}

describe('a portrait film on a phone', () => {
  for (const [width, height] of [
    [360, 740],
    [390, 844],
  ] as const) {
    it(`fits the whole player in the first screen and does not jump on play (${width}×${height})`, async () => {
      await ready();
      const { page, problems } = await open(phone(width, height), `/artifacts/${TALL}`);
      const before = await layout(page);
      // The film, letterboxed, and its controls in the first screen; the title less than a screen further on
      // (the transcript comes between them).
      expect(before.player.height).toBeLessThanOrEqual(before.innerHeight);
      expect(before.bar.bottom).toBeLessThanOrEqual(before.innerHeight);
      expect(before.fit).toBe('contain');
      expect(before.h1.top - before.player.bottom).toBeLessThan(before.innerHeight);
      await screenshot(page, `phone-artifact-tall-${width}x${height}`);

      await tapPlay(page);
      await playUntil(page, 0.3);
      const after = await layout(page);
      expect(after.scrollY).toBe(0);
      expect(after.screen.top).toBe(before.screen.top);
      expect(problems).toEqual([]);
    });
  }

  it('keeps a landscape film full width on a phone, and both shapes within the screen on a laptop', async () => {
    await ready();
    const { page: wide } = await open(phone(360, 740), `/artifacts/${WIDE}`);
    const w = await layout(wide);
    expect(w.screen.width).toBe(360);
    expect(Math.abs(w.screen.height - (360 * 9) / 16)).toBeLessThan(1);

    const { page } = await open({ viewport: { width: 1280, height: 720 } }, `/artifacts/${TALL}`);
    const tall = await layout(page);
    expect(tall.bar.bottom).toBeLessThanOrEqual(tall.innerHeight);
    // As tall as before on a laptop (80vh): the phone's room for the header is not taken here.
    expect(Math.abs(tall.screen.height - 0.8 * tall.innerHeight)).toBeLessThan(1);
    await openPage(page, new URL(`/artifacts/${WIDE}`, env.site.url).href);
    await page.locator('.player .cover').waitFor();
    const desk = await layout(page);
    // Landscape on a laptop as before: as wide as the stage allows, 16:9.
    expect(Math.abs(desk.screen.height - (desk.screen.width * 9) / 16)).toBeLessThan(1);
    expect(desk.screen.width).toBeGreaterThan(900);
  });
});

describe('captions on a phone', () => {
  it('shows the page language by default, on the Vietnamese and the English page', async () => {
    await ready();
    const { page, problems } = await open(phone(360, 740), `/artifacts/${TALL}`);
    await tapPlay(page);
    await playUntil(page, 0.3);
    expect(await showing(page)).toEqual(['vi']);
    await expect.poll(async () => (await videoState(page)).cues).toBe(1);

    await openPage(page, new URL(`/en/artifacts/${TALL}`, env.site.url).href);
    await page.getByRole('button', { name: 'Play' }).first().tap();
    await playUntil(page, 0.3);
    expect(await showing(page)).toEqual(['en']);
    expect(problems).toEqual([]);
  });

  it("remembers the visitor's own choice, off included, across pages", async () => {
    await ready();
    const { page, problems } = await open(phone(360, 740), `/artifacts/${TALL}`);
    await page.locator('.player[data-engine]:not([data-engine=""])').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: /^Phụ đề/ }).tap();
    await page.getByRole('menuitemradio', { name: /Tắt/ }).tap();
    await page.reload();
    await tapPlay(page);
    await playUntil(page, 0.3);
    expect(await showing(page)).toEqual([]);

    await page.getByRole('button', { name: /^Phụ đề/ }).tap();
    await page.getByRole('menuitemradio', { name: /Tiếng Anh|English/ }).tap();
    await page.reload();
    await tapPlay(page);
    await playUntil(page, 0.3);
    expect(await showing(page)).toEqual(['en']);
    // Kept in localStorage, as the data choice is: no cookie.
    expect(await page.context().cookies()).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('the buttons under the film', () => {
  /** The old icon of the data button: an arrow down onto a line, what visitors read as "download". */
  const DOWNLOAD = 'M12 4v11M7 10l5 5 5-5M5 20h14';

  it('gives the data button an icon that does not read as download, at the size of its neighbours', async () => {
    await ready();
    const { page } = await open(phone(360, 740), `/artifacts/${TALL}`);
    const icon = (name: RegExp) =>
      page
        .getByRole('button', { name })
        .locator('svg')
        .evaluate((svg) => {
          const r = svg.getBoundingClientRect();
          return { d: svg.querySelector('path')?.getAttribute('d'), width: r.width, height: r.height };
        });
    const data = await icon(/^Dữ liệu/);
    const captions = await icon(/^Phụ đề/);
    expect(data.d).not.toBe(DOWNLOAD);
    expect(data.d).not.toMatch(/5 5 5-5/);
    expect([data.width, data.height]).toEqual([captions.width, captions.height]);
  });

  it('styles "copy link at this time" like the share button next to it', async () => {
    await ready();
    const { page } = await open(phone(360, 740), `/artifacts/${TALL}`);
    const style = (name: string) =>
      page.getByRole('button', { name, exact: true }).evaluate((el) => {
        const s = getComputedStyle(el);
        return {
          background: s.backgroundColor,
          color: s.color,
          border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`,
          radius: s.borderTopLeftRadius,
          weight: s.fontWeight,
        };
      });
    await page.getByRole('button', { name: 'Chia sẻ', exact: true }).waitFor();
    expect(await style('Sao chép liên kết tại thời điểm này')).toEqual(await style('Chia sẻ'));
  });
});
