// Phones on slow networks (issue 9): the artifact page on a phone viewport in Chromium, with the network
// throttled by Chromium itself, for a landscape and a portrait fixture clip. One table per clip.
import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { fixturePath, loadArtifacts } from '../fixtures/catalogue.ts';
import { type RunningSite, startSite } from '../web/test/support/app.ts';
import { PHONE } from '../web/test/support/browser.ts';
import {
  type RequestLog,
  recordRequests,
  THROTTLE_PROFILES,
  type ThrottleProfile,
  throttle,
} from '../web/test/support/network.ts';
import { attachClip, siteClip } from '../web/test/support/publish.ts';
import { type Breakdown, breakdown, breakdownTable } from './network-breakdown.ts';
import { addPlaybackProbe, type PlaybackProbe, readProbe, waitForProbe } from './network-probe.ts';
import { type NetworkCell, networkTable, type RunResult, runResult } from './network-table.ts';

/** A 16:9 film and a phone-shot portrait one (1280×720 stored, turned by its display matrix). */
const CLIPS = [
  { slug: 'nha-rong-ba-na', label: 'landscape 16:9 clip' },
  { slug: 'khen-hmong', label: 'portrait clip' },
];
const RUNS = 5;
/** Runs that play on to the clip's end (or PLAY_SEC); the others stop SHORT_PLAY_MS after the first frame. */
const FULL_PLAYS = 2;
const PLAY_SEC = 30;
/** A full play that stalls without end is cut here (wall clock after the first frame). */
const FULL_PLAY_CAP_MS = 60_000;
const SHORT_PLAY_MS = 3_000;
const FIRST_FRAME_TIMEOUT_MS = 120_000;
/** The tests' phone at the density of an iPhone 12–15 (3×): the player sizes its start rung by device pixels. */
const PHONE_3X = { ...PHONE, deviceScaleFactor: 3, locale: 'vi-VN' };

async function publishFixtureClip(site: RunningSite, slug: string): Promise<void> {
  const fixture = loadArtifacts().find((a) => a.slug === slug);
  const record = site.app.repos.artifacts.bySlug(slug);
  if (!fixture || !record) throw new Error(`no fixture artifact ${slug}`);
  const file = await siteClip(site, slug, fixture.clip, fixture.title.vi);
  const { vi, en } = fixture.captions ?? {};
  await attachClip(site, record.id, file, { vi: vi && fixturePath(vi), en: en && fixturePath(en) });
}

/** The player's big play button, by its accessible name (vi or en), not by its markup. */
const playButton = (page: Page) =>
  page
    .locator('.player')
    .getByRole('button', { name: /^(Phát|Play)$/ })
    .first();

/**
 * A reader's page: the load event, then at least 2 s, then until nothing has been in flight for 0.5 s
 * (at most 6 s after the load): whatever the page fetches on its own before anyone taps is counted.
 */
async function settle(log: RequestLog): Promise<void> {
  const start = Date.now();
  let idleSince = Date.now();
  while (Date.now() - start < 6_000) {
    await new Promise((r) => setTimeout(r, 100));
    if (log.inFlight() > 0) idleSince = Date.now();
    else if (Date.now() - start >= 2_000 && Date.now() - idleSince >= 500) return;
  }
}

/** One visit in a fresh context (no cache): open, settle or tap at once, play, and measure. */
async function visit(
  browser: Browser,
  url: string,
  profile: ThrottleProfile,
  mode: 'full' | 'short' | 'immediate',
): Promise<RunResult & { breakdown: Breakdown }> {
  const context = await browser.newContext(PHONE_3X);
  try {
    const page = await context.newPage();
    await addPlaybackProbe(page);
    await throttle(page, profile);
    const log = await recordRequests(page);
    await page.goto(url, { waitUntil: mode === 'immediate' ? 'commit' : 'load', timeout: 120_000 });
    if (mode !== 'immediate') await settle(log);
    const play = playButton(page);
    await play.waitFor({ timeout: 120_000 }).catch(async (err: Error) => {
      // A page that never offers play is a finding, not only a timeout: keep what it showed.
      const shot = `/tmp/bench-network-no-play-${Date.now()}.png`;
      await page.screenshot({ path: shot }).catch(() => {});
      const text = await page
        .locator('main')
        .textContent({ timeout: 2000 })
        .catch(() => '(no main)');
      throw new Error(
        `no play button on ${page.url()} (${mode}); screenshot ${shot}; the page said: ${(text ?? '').replace(/\s+/g, ' ').slice(0, 400)}`,
        { cause: err },
      );
    });
    await play.tap();
    const first = await waitForProbe(page, (p) => p.firstFrameAt !== null, FIRST_FRAME_TIMEOUT_MS);
    const played = (p: PlaybackProbe) => p.ended || p.mediaTime >= PLAY_SEC;
    let cut = false;
    if (first.firstFrameAt !== null && mode === 'full')
      cut = !played(await waitForProbe(page, played, FULL_PLAY_CAP_MS));
    else if (first.firstFrameAt !== null && mode === 'short') await page.waitForTimeout(SHORT_PLAY_MS);
    const [probe, times] = await Promise.all([
      readProbe(page),
      page.evaluate(() => ({
        navigationStart: performance.timeOrigin,
        end: performance.timeOrigin + performance.now(),
      })),
    ]);
    return {
      ...runResult(probe, log, { ...times, full: mode === 'full', cut }),
      breakdown: breakdown(log, probe, times.navigationStart),
    };
  } finally {
    await context.close();
  }
}

async function benchClip(
  browser: Browser,
  site: RunningSite,
  clip: (typeof CLIPS)[number],
  profiles: NetworkCell['key'][],
) {
  const url = new URL(`/artifacts/${clip.slug}`, site.url).href;
  const cells: NetworkCell[] = [];
  const breakdowns: Breakdown[] = [];
  for (const key of profiles) {
    const profile: ThrottleProfile = THROTTLE_PROFILES[key];
    const runs: RunResult[] = [];
    for (let i = 0; i < RUNS; i++)
      runs.push(await visit(browser, url, profile, i < FULL_PLAYS ? 'full' : 'short'));
    const immediate: RunResult[] = [];
    // Navigation → first frame with a tap the moment the button shows: the unthrottled figure of the issue.
    if (key === 'none')
      for (let i = 0; i < RUNS; i++) {
        const run = await visit(browser, url, profile, 'immediate');
        immediate.push(run);
        breakdowns.push(run.breakdown);
      }
    cells.push({ key, label: profile.label, runs, immediate });
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  console.log(`${clip.label} (${clip.slug}):`);
  console.table(networkTable(cells));
  if (breakdowns.length) {
    console.log('Navigation → first frame, no throttling, tap at once: where the time goes (medians).');
    console.table(breakdownTable(breakdowns));
  }
}

/** `npm run bench -- network none mbit2`: only those profiles (all three when none are named). */
function chosenProfiles(): NetworkCell['key'][] {
  const all = Object.keys(THROTTLE_PROFILES) as NetworkCell['key'][];
  const named = process.argv.slice(3).filter((a): a is NetworkCell['key'] => all.includes(a as never));
  return named.length ? named : all;
}

export async function benchNetwork(): Promise<void> {
  await build({ root: new URL('../web', import.meta.url).pathname, logLevel: 'warn' });
  const site = await startSite();
  const browser = await launchChromium();
  try {
    await Promise.all(CLIPS.map((c) => publishFixtureClip(site, c.slug)));
    console.log(
      `Phone viewport 390×844 @3x, Chromium throttling (DevTools protocol), fresh context per run, ${RUNS} runs ` +
        `per profile. Runs 1–${FULL_PLAYS} play to the clip's end or ${PLAY_SEC} s (cut ${FULL_PLAY_CAP_MS / 1000} s ` +
        `after the first frame), the others stop ${SHORT_PLAY_MS / 1000} s after it. Before the tap the page ` +
        'settles: load, then ≥ 2 s and 0.5 s without requests (≤ 6 s). Stalls: `waiting` after the first frame. ' +
        'Rungs: the folders of the segment URLs. KB: bytes on the wire, headers included. Segments fetched ' +
        'twice: the same index on two rungs or the same URL again (an up-switch that starts over).',
    );
    for (const clip of CLIPS) await benchClip(browser, site, clip, chosenProfiles());
  } finally {
    await browser.close();
    await site.close();
  }
}
