import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectProblems, openPage, PHONE, videoState } from './support/browser.ts';
import { hlsOf, watchHls } from './support/hls-handle.ts';
import { recordRequests, segmentOf } from './support/network.ts';
import { publishClip } from './support/publish.ts';
import { useSiteAndBrowser } from './support/site-browser.ts';

// A visitor on a phone and a slow link: nothing of the film before the tap, the poster until the first frame,
// and a loading state they can see and hear while they wait. Each test runs alone:
// npx vitest run --project web test/slow-network.test.ts -t "<name>".
const SLUG = 'slow-network-khen';
/** "Slow 3G" as the issue measured it: 400 kbit/s down, 400 ms latency. */
const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: 400_000 / 8,
  uploadThroughput: 400_000 / 8,
};

const env = useSiteAndBrowser();
let published: Promise<void> | undefined;

/** An 8 s landscape clip with two 4 s segments, published on first use. */
const ready = () => (published ??= publishClip(env.site, SLUG, 8));

interface Watch {
  /** Every text the loading state showed, in order ('' when hidden). */
  statuses: string[];
  /** Whether the poster was on screen when the film's first frame was presented; null until then. */
  posterAtFirstFrame: boolean | null;
}

/**
 * A phone page that records, from its very start, what the loading state says and whether the poster is still
 * there when the first frame is presented (our frame callback is registered before the player's, so it runs
 * before the player can react to that frame).
 */
async function phonePage(path: string, throttle?: typeof SLOW_3G) {
  const context = await env.newContext(PHONE);
  const page = await context.newPage();
  const problems = collectProblems(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.addInitScript(() => {
    const w = window as unknown as { watch: Watch };
    w.watch = { statuses: [], posterAtFirstFrame: null };
    let watched = false;
    new MutationObserver(() => {
      const text = document.querySelector('.player [role="status"]')?.textContent?.trim();
      if (text !== undefined && w.watch.statuses.at(-1) !== text) w.watch.statuses.push(text);
      const video = document.querySelector('video');
      if (watched || !video) return;
      watched = true;
      video.requestVideoFrameCallback(() => {
        const img = document.querySelector<HTMLImageElement>('.player .cover img');
        w.watch.posterAtFirstFrame = !!img && img.complete && img.getBoundingClientRect().height > 0;
      });
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  if (throttle) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', throttle);
  }
  await openPage(page, new URL(path, env.site.url).href);
  return { page, problems, requests };
}

const watch = (page: Page) => page.evaluate(() => (window as unknown as { watch: Watch }).watch);

/** The player is ready to play: hls.js fetched and the master playlist parsed, while the visitor reads. */
const playerReady = (page: Page) =>
  page.locator('.player[data-engine="hls.js"]').waitFor({ timeout: 60_000 });

describe('a phone on a slow network', () => {
  it('fetches the poster, the player code and the master playlist before the tap, and nothing of the film', async () => {
    await ready();
    const requests: string[] = [];
    const context = await env.newContext(PHONE);
    const page = await context.newPage();
    const problems = collectProblems(page);
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    // The order in which the page's script arrived and its data was asked for.
    const order: string[] = [];
    page.on('request', (r) => r.url().includes('/api/artifacts/') && order.push('data asked'));
    page.on(
      'requestfinished',
      (r) => /\/assets\/index-[\w-]+\.js$/.test(r.url()) && order.push('script arrived'),
    );
    await openPage(page, new URL(`/artifacts/${SLUG}`, env.site.url).href);
    await playerReady(page);
    // The artifact's data is asked for with the HTML (a preload), not after the script has run, and the app
    // takes that answer rather than asking again.
    expect(order).toEqual(['data asked', 'script arrived']);
    // Whatever the engine would fetch on its own has been asked for by now.
    await page.waitForLoadState('networkidle');

    const before = requests.filter((p) => p.startsWith('/media/'));
    expect(before.filter((p) => !p.includes('/poster/'))).toEqual([expect.stringMatching(/\/master\.m3u8$/)]);
    expect(before.some((p) => p.includes('/poster/'))).toBe(true);
    // hls.js came while the visitor read, so the tap does not wait for its 174 KB.
    expect(requests.some((p) => /^\/assets\/hls-[\w-]+\.js$/.test(p))).toBe(true);

    const tapAt = requests.length;
    await page.getByRole('button', { name: 'Phát' }).first().click();
    await expect
      .poll(async () => (await videoState(page)).currentTime, { timeout: 60_000 })
      .toBeGreaterThan(0.3);
    expect(requests.slice(tapAt).some((p) => p.endsWith('.m4s'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('keeps the poster until the first frame and shows the loading state until the film plays (slow 3G)', async () => {
    await ready();
    const { page, problems, requests } = await phonePage(`/artifacts/${SLUG}`, SLOW_3G);
    await playerReady(page);
    expect((await watch(page)).statuses.filter(Boolean)).toEqual([]);

    await page.getByRole('button', { name: 'Phát' }).first().click();
    await page.getByRole('status').filter({ hasText: 'Đang tải phim…' }).waitFor();
    await expect
      .poll(async () => (await videoState(page)).currentTime, { timeout: 120_000 })
      .toBeGreaterThan(0.3);
    await expect.poll(async () => (await watch(page)).statuses.at(-1)).toBe('');

    const seen = await watch(page);
    expect(seen.statuses.filter(Boolean)).toEqual(['Đang tải phim…']);
    expect(seen.posterAtFirstFrame).toBe(true);
    // Once the film shows, the poster goes.
    await page.locator('.player .cover').waitFor({ state: 'detached' });
    // Started on a rung the link carries: no time range was fetched twice (on two rungs, or after an abort).
    const segments = requests.map((p) => /\/(seg-\d+)\.m4s$/.exec(p)?.[1]).filter(Boolean);
    expect(segments.length).toBeGreaterThan(0);
    expect(segments).toEqual([...new Set(segments)]);
    expect(problems).toEqual([]);
  });

  it('shows the loading state during a stall and clears it when the film plays on (embed page)', async () => {
    await ready();
    const { page, problems } = await phonePage(`/embed/${SLUG}`);
    // The second segment of every rung waits until the film has run out of the first: a stall.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/seg-0*[1-9]\d*\.m4s$/, async (route) => {
      await released;
      await route.continue();
    });
    await playerReady(page);
    await page.getByRole('button', { name: 'Phát' }).first().click();
    await expect
      .poll(async () => (await videoState(page)).currentTime, { timeout: 60_000 })
      .toBeGreaterThan(0.3);
    await expect.poll(async () => (await watch(page)).statuses.at(-1)).toBe('');

    // Four seconds in, the buffer is empty: the player says it is loading, as it did before the first frame.
    await page.getByRole('status').filter({ hasText: 'Đang tải phim…' }).waitFor({ timeout: 30_000 });
    const stalledAt = (await videoState(page)).currentTime;
    expect(stalledAt).toBeGreaterThan(3);
    release();
    await expect
      .poll(async () => (await videoState(page)).currentTime, { timeout: 60_000 })
      .toBeGreaterThan(stalledAt + 0.5);
    await expect.poll(async () => (await watch(page)).statuses.at(-1)).toBe('');
    expect((await watch(page)).statuses.filter(Boolean)).toEqual(['Đang tải phim…', 'Đang tải phim…']);
    expect(problems).toEqual([]);
  });
});

describe('a phone whose link carries more than its first rung', () => {
  it('switches up without fetching any second of the film twice', async () => {
    // 20 s of 1080p: five 4 s segments on five rungs, cut at the same times.
    await publishClip(env.site, 'slow-network-climb', 20, { width: 1920, height: 1080 });
    // A 3× phone, as most are: the player's size allows the 1080p rung.
    const context = await env.newContext({ ...PHONE, deviceScaleFactor: 3 });
    const page = await context.newPage();
    const problems = collectProblems(page);
    // The data saver chosen on an earlier visit: the film starts on the lowest rung, locked there, so hls.js's
    // own guesses (which depend on how busy the machine is) decide nothing. The test raises the lock itself.
    await page.addInitScript(() => localStorage.setItem('player.data', 'saver'));
    // No throttling: the test makes the switch itself, and what it proves does not depend on the link's speed.
    await watchHls(page);
    const log = await recordRequests(page);
    await openPage(page, new URL('/artifacts/slow-network-climb', env.site.url).href);
    await playerReady(page);

    // Once the second segment has arrived, the next ones go to the top rung: hls.js's loadLevel, which (like its
    // ABR climbing) applies to the next segment chosen and flushes nothing. Set between two segments, as the ABR
    // decides: hls.js drops a segment in flight on another rung. When that next segment is chosen the buffer ends
    // a little short of 8 s (the sound stops before the picture): the case hls-light.ts's rule is for.
    const hls = await hlsOf(page);
    const switched = hls.evaluate(
      (h) =>
        new Promise<{ from: number; to: number; fragEnd: number; bufferEnd: number }>((resolve) => {
          type Frag = { type: string; sn: number | string; level: number; end: number };
          const second = (data: unknown) => {
            const { frag } = data as { frag: Frag };
            return frag.type === 'main' && frag.sn === 1 ? frag : undefined;
          };
          const top = h.levels.reduce(
            (best, l, i, all) => (l.bitrate > (all[best]?.bitrate ?? 0) ? i : best),
            0,
          );
          h.on('hlsFragLoaded', (_event, data) => {
            if (second(data)) h.loadLevel = top;
          });
          h.on('hlsFragBuffered', (_event, data) => {
            const frag = second(data);
            if (!frag) return;
            const { buffered } = h.media as HTMLMediaElement;
            resolve({
              from: frag.level,
              to: top,
              fragEnd: frag.end,
              bufferEnd: buffered.end(buffered.length - 1),
            });
          });
        }),
    );
    await page.getByRole('button', { name: 'Phát' }).first().click();
    const at = await switched;
    expect(at.to).not.toBe(at.from);
    expect(at.bufferEnd, 'the buffer ends short of the segment boundary').toBeLessThan(at.fragEnd);

    const segments = () => log.requests.flatMap((r) => segmentOf(r.url) ?? []);
    // Until the last segment has been asked for, on whatever rung.
    await expect.poll(() => segments().some((s) => s.index === 4), { timeout: 120_000 }).toBe(true);
    const fetched = segments();
    const seen = fetched.map((s) => `${s.rendition}/${s.index}`).join(' ');
    // The switch this test is about: mid-film, from the locked rung to the top one.
    const first = fetched[0]?.rendition;
    const last = fetched.at(-1)?.rendition;
    expect(
      fetched.slice(0, 2).map((s) => s.rendition),
      seen,
    ).toEqual([first, first]);
    expect(last, seen).not.toBe(first);
    // Each time range once: no segment index on two rungs, no URL twice.
    expect(
      fetched.map((s) => s.index),
      seen,
    ).toEqual([0, 1, 2, 3, 4]);
    expect(problems).toEqual([]);
  });
});
