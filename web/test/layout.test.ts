import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSite, startSite } from './support/app.ts';
import { collectProblems, expectAccessible, openPage, screenshot, videoState } from './support/browser.ts';
import { publishClip } from './support/publish.ts';

// Layout with real clips of both shapes: embeds at the sizes oEmbed hands out, cards, phones.
const WIDE = 'khen-wide';
const TALL = 'khen-tall';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(), launchChromium()]);
  await publishClip(site, WIDE, 3, { width: 640, height: 360 });
  await publishClip(site, TALL, 3, { width: 360, height: 640 });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const url = (path: string) => new URL(path, site.url).href;

async function withPage(
  viewport: { width: number; height: number },
  run: (page: Page, context: BrowserContext) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems = collectProblems(page);
  try {
    await run(page, context);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

/** How the embed page sits in its viewport: what scrolls, and where the picture, bar and credit are. */
function embedLayout(page: Page) {
  return page.evaluate(() => {
    const box = (sel: string) => {
      const r = (document.querySelector(sel) as Element).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
    };
    return {
      innerWidth: window.innerWidth,
      innerHeight: window.innerHeight,
      scrollHeight: document.documentElement.scrollHeight,
      scrollWidth: document.documentElement.scrollWidth,
      screen: box('.player .screen'),
      bar: box('.player .bar'),
      credit: box('.credit'),
      main: box('main'),
    };
  });
}

describe('embed page at the oEmbed sizes', () => {
  for (const [slug, viewport] of [
    [WIDE, { width: 640, height: 360 }],
    [TALL, { width: 400, height: 711 }],
    [WIDE, { width: 1280, height: 720 }],
  ] as const) {
    it(`${slug} fills ${viewport.width}×${viewport.height} without scrolling`, async () => {
      await withPage(viewport, async (page) => {
        await page.goto(url(`/embed/${slug}`));
        await page.locator('.player .cover').waitFor();
        const l = await embedLayout(page);
        expect(l.scrollHeight).toBeLessThanOrEqual(l.innerHeight);
        expect(l.scrollWidth).toBeLessThanOrEqual(l.innerWidth);
        // Full width (no page-coloured side bars), and picture, bar and credit stacked inside the viewport.
        expect(l.main.width).toBe(l.innerWidth);
        expect(l.screen.width).toBe(l.innerWidth);
        expect(l.screen.top).toBe(0);
        expect(l.screen.height).toBeGreaterThan(l.innerHeight * 0.6);
        expect(l.bar.top).toBeGreaterThanOrEqual(l.screen.bottom - 0.5);
        expect(l.credit.top).toBeGreaterThanOrEqual(l.bar.bottom - 0.5);
        expect(l.credit.bottom).toBeLessThanOrEqual(l.innerHeight + 0.5);
        const bg = await page.evaluate(
          () => getComputedStyle(document.querySelector('main') as Element).backgroundColor,
        );
        expect(bg).toBe('rgb(29, 23, 20)');
        await screenshot(page, `embed-${slug}-${viewport.width}x${viewport.height}`);
      });
    });
  }

  it('plays a portrait clip letterboxed, names rungs by the short side, and ↓ keeps it muted', async () => {
    await withPage({ width: 400, height: 711 }, async (page) => {
      await page.goto(url(`/embed/${TALL}`));
      await page.getByRole('button', { name: 'Phát' }).first().click();
      await expect
        .poll(async () => (await videoState(page)).currentTime, { timeout: 30_000 })
        .toBeGreaterThan(0.3);
      const l = await embedLayout(page);
      expect(l.scrollHeight).toBeLessThanOrEqual(l.innerHeight);

      await page.getByRole('button', { name: 'Chất lượng' }).click();
      const labels = (await page.getByRole('menuitemradio').allTextContents()).map((s) => s.trim());
      expect(labels.slice(1)).toEqual(['360p', '240p']);
      await page.keyboard.press('Escape');

      await page.locator('.player').focus();
      await page.keyboard.press('m');
      await expect.poll(async () => (await videoState(page)).muted).toBe(true);
      const before = (await videoState(page)).volume;
      await page.keyboard.press('ArrowDown');
      await expect.poll(async () => (await videoState(page)).volume).toBeLessThan(before);
      expect((await videoState(page)).muted).toBe(true);
      await page.keyboard.press('ArrowUp');
      await expect.poll(async () => (await videoState(page)).muted).toBe(false);
    });
  });
});

describe('pages with a portrait clip', () => {
  // 360 px: the budget Android phones many pupils carry.
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 390, height: 844 },
    { width: 1280, height: 900 },
  ]) {
    const name = viewport.width < 600 ? `phone-${viewport.width}` : 'desktop';

    it(`keeps every card 16:9 on the home page (${name})`, async () => {
      await withPage(viewport, async (page) => {
        await openPage(page, url('/'));
        await page.locator(`.card a[href="/artifacts/${TALL}"]`).first().waitFor();
        await page.locator(`.card a[href="/artifacts/${TALL}"] img`).first().waitFor();
        const media = await page.locator('.card .media').evaluateAll((els) =>
          els.map((el) => {
            const r = el.getBoundingClientRect();
            return { width: r.width, height: r.height };
          }),
        );
        expect(media.length).toBeGreaterThanOrEqual(2);
        for (const m of media) expect(Math.abs(m.height - (m.width * 9) / 16)).toBeLessThan(1.5);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        await screenshot(page, `home-portrait-${name}`);
      });
    });

    it(`shows the portrait artifact page (${name})`, async () => {
      await withPage(viewport, async (page) => {
        await openPage(page, url(`/artifacts/${TALL}`));
        await page.locator('.player .cover').waitFor();
        // The kicker and the facts list the groups and category with their spaces.
        expect(await page.locator('.kicker').textContent()).toMatch(/H'Mông\s+·\s+\S/);
        const screen = await page.locator('.player .screen').boundingBox();
        expect(screen?.height).toBeLessThanOrEqual(viewport.height);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        await screenshot(page, `artifact-portrait-${name}`);
      });
    });

    it(`fits search and the staff dashboard (${name})`, async () => {
      await withPage(viewport, async (page) => {
        const apiLanguages = new Set<string>();
        page.on('request', (r) => {
          // EventSource cannot set headers; its job events carry data, not sentences.
          if (new URL(r.url()).pathname.startsWith('/api/') && r.resourceType() !== 'eventsource')
            apiLanguages.add(r.headers()['accept-language'] ?? '');
        });
        await openPage(page, url('/search?q=khen'));
        await page.locator('.hits .card').first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        await screenshot(page, `search-${name}`);

        await openPage(page, url('/staff/login'));
        await page.getByLabel('Email').fill(site.staff.email);
        await page.getByLabel('Mật khẩu').fill(site.staff.password);
        await page.getByRole('button', { name: 'Đăng nhập' }).click();
        await page.locator('table tbody tr').first().waitFor();
        // The table scrolls in its own box; the page itself never scrolls sideways.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          viewport.width,
        );
        const box = await page.locator('.scroll:has(table)').boundingBox();
        expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(viewport.width);
        await expectAccessible(page);
        await screenshot(page, `staff-dashboard-${name}`);
        // Every api request said which language the page is in.
        expect([...apiLanguages]).toEqual(['vi']);
      });
    });
  }
});

describe('text with several groups', () => {
  it('separates group names with a comma and a space, and gives each group page its names', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await openPage(page, url('/artifacts/cong-chieng-tay-nguyen'));
      await page.locator('.kicker a').first().waitFor();
      const kicker = (await page.locator('.kicker').textContent())?.replace(/\s+/g, ' ').trim();
      expect(kicker).toMatch(/^Ê Đê, Gia Rai, Ba Na · \S/);
      const facts = await page.locator('.facts dd').first().textContent();
      expect(facts?.trim()).toBe('Ê Đê, Gia Rai, Ba Na');
      await openPage(page, url('/groups/hmong'));
      await expect.poll(() => page.locator('.names').textContent()).toBe("H'Mông · Hmong");
    });
  });
});

describe('language of api requests', () => {
  it('asks for English once the site is in English', async () => {
    await withPage({ width: 1280, height: 900 }, async (page) => {
      await openPage(page, url(`/artifacts/${WIDE}`));
      await page.getByRole('link', { name: 'English' }).click();
      const request = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/search');
      await openPage(page, url('/search?q=zzzz'));
      expect((await request).headers()['accept-language']).toBe('en');
      // English counts agree with their number.
      await expect.poll(() => page.locator('p.count').textContent()).toBe('0 results for “zzzz”');
      await openPage(page, url('/search?q=wide'));
      await expect.poll(() => page.locator('p.count').textContent()).toMatch(/^1 result for/);
    });
  });
});
