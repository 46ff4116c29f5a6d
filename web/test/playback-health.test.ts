import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSite, startSite } from './support/app.ts';
import { collectProblems, expectAccessible, openPage, screenshot, videoState } from './support/browser.ts';
import { publishClip } from './support/publish.ts';
import { signedInContext } from './support/staff.ts';

// Playback health end to end: a visitor plays a clip on a phone, the player's beacon reaches the api, the sums
// land in the database, and staff read them on the dashboard. Real server, real transcode, real Chromium.
const SLUG = 'health-khen';
const STALLING = 'health-stall';
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

let site: RunningSite;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(), launchChromium()]);
  await Promise.all([publishClip(site, SLUG, 4), publishClip(site, STALLING, 8)]);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await site?.close();
});

interface Row {
  plays: number;
  first_frames: number;
  watched_ms: number;
  network: string;
}
const rows = (slug = SLUG) =>
  site.app.db
    .prepare(
      `SELECT p.plays, p.first_frames, p.watched_ms, p.network, p.stalls, p.stalled_ms
       FROM playback_days p JOIN artifacts a ON a.id = p.artifact_id WHERE a.slug = ?`,
    )
    .all(slug) as (Row & { stalls: number; stalled_ms: number })[];

describe('playback health', () => {
  it('reports a play by beacon, without cookies, and staff see it aggregated on the dashboard', async () => {
    const visitor = await browser.newContext(PHONE);
    contexts.push(visitor);
    const page = await visitor.newPage();
    const problems = collectProblems(page);
    const beacons: { body: string; cookie?: string; type?: string }[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname !== '/api/playback-reports') return;
      const headers = r.headers();
      beacons.push({ body: r.postData() ?? '', cookie: headers.cookie, type: headers['content-type'] });
    });
    await openPage(page, new URL(`/artifacts/${SLUG}`, site.url).href);
    await page.locator('.player[data-engine="hls.js"]').waitFor({ timeout: 60_000 });
    expect(rows()).toEqual([]);

    await page.getByRole('button', { name: 'Phát' }).first().click();
    // The 4 s clip plays to its end, where the player sends its report.
    await expect.poll(async () => (await videoState(page)).paused, { timeout: 60_000 }).toBe(true);
    await expect.poll(() => rows().length, { timeout: 30_000 }).toBe(1);

    const [row] = rows();
    expect(row).toMatchObject({ plays: 1, first_frames: 1 });
    // Film time played, counted from the element's time updates: most of the 4 s clip.
    expect(row?.watched_ms).toBeGreaterThan(3000);
    expect(row?.watched_ms).toBeLessThanOrEqual(4100);

    expect(beacons).toHaveLength(1);
    const sent = JSON.parse(beacons[0]?.body ?? '{}') as Record<string, unknown>;
    // Nothing but the report's own fields: no page URL, no id of the visitor.
    expect(Object.keys(sent).sort()).toEqual(
      [
        'errors',
        'network',
        'rungs',
        'started',
        'startMs',
        'stalledMs',
        'stalls',
        'version',
        'videoId',
      ].sort(),
    );
    expect(beacons[0]?.type).toMatch(/^text\/plain/);
    expect(beacons[0]?.cookie).toBeUndefined();
    expect(await visitor.cookies()).toEqual([]);
    expect(problems).toEqual([]);

    // Staff, on a phone too: the clip's row with its one play and a start time.
    const staff = await signedInContext(browser, site, PHONE.viewport);
    contexts.push(staff);
    const dashboard = await staff.newPage();
    await openPage(dashboard, new URL('/staff/playback', site.url).href);
    const clipRow = dashboard.locator(`tr[data-slug="${SLUG}"]`);
    await clipRow.waitFor();
    await expect.poll(() => clipRow.locator('[data-field="plays"]').textContent()).toMatch(/^\s*1\b/);
    expect(await clipRow.locator('[data-field="median"]').textContent()).toMatch(/\d s\s*$/);
    await screenshot(dashboard, 'playback-health-phone');
    await expectAccessible(dashboard);
    // A network class with no plays shows the empty state.
    const other = row?.network === 'fast' ? 'slow' : 'fast';
    await dashboard.getByLabel('Loại mạng').selectOption(other);
    await dashboard.getByText('Chưa có số liệu nào').waitFor();
    await dashboard.getByLabel('Loại mạng').selectOption(row?.network ?? 'all');
    await clipRow.waitFor();
  });

  it('counts a wait for data after the first frame as a stall, with its duration', async () => {
    const visitor = await browser.newContext(PHONE);
    contexts.push(visitor);
    const page = await visitor.newPage();
    // Every segment after the first waits until released: the film runs out of data 4 s in.
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/seg-0*[1-9]\d*\.m4s$/, async (route) => {
      await released;
      await route.continue();
    });
    await openPage(page, new URL(`/embed/${STALLING}`, site.url).href);
    await page.locator('.player[data-engine="hls.js"]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Phát' }).first().click();
    await expect
      .poll(async () => (await videoState(page)).currentTime, { timeout: 60_000 })
      .toBeGreaterThan(3);
    await page.getByRole('status').filter({ hasText: 'Đang tải phim…' }).waitFor({ timeout: 30_000 });
    // At least a second of waiting (a lower bound, not a timed assertion).
    await page.waitForTimeout(1500);
    release();
    await expect.poll(async () => (await videoState(page)).paused, { timeout: 60_000 }).toBe(true);
    await expect.poll(() => rows(STALLING).length, { timeout: 30_000 }).toBe(1);
    const [row] = rows(STALLING);
    expect(row).toMatchObject({ plays: 1, first_frames: 1, stalls: 1 });
    expect(row?.stalled_ms).toBeGreaterThanOrEqual(1500);
  });
});
