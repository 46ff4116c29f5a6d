import type { PlaybackHealth, PlaybackReport } from '@artifact-stories/contracts/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachReadyManifest, fakeManifest, makeTestApp, type TestApp } from './helpers.ts';
import { staffCookie } from './staff-helpers.ts';

// The playback beacon end to end on a real SQLite file: what is refused, what is counted, what staff read.

let t: TestApp;
let clip: { videoId: string; version: string };
let draft: { videoId: string; version: string };
let published: string;

beforeAll(async () => {
  t = await makeTestApp({ catalogue: true });
  const slugOf = (status: string) =>
    (
      t.app.db.prepare('SELECT slug FROM artifacts WHERE status = ? ORDER BY id').get(status) as {
        slug: string;
      }
    ).slug;
  published = slugOf('published');
  clip = { videoId: attachReadyManifest(t, published, fakeManifest('v1')).videoId, version: 'v1' };
  draft = { videoId: attachReadyManifest(t, slugOf('draft'), fakeManifest('d1')).videoId, version: 'd1' };
});
afterAll(() => t.app.close());

const report = (over: Partial<PlaybackReport> = {}): PlaybackReport => ({
  ...clip,
  network: 'slow',
  started: true,
  startMs: 1200,
  stalls: 1,
  stalledMs: 2000,
  rungs: [{ rung: 360, ms: 20_000 }],
  errors: [],
  ...over,
});

/** As navigator.sendBeacon sends it: a JSON text as text/plain, from one address. */
const send = (body: unknown, ip = '198.51.100.1', contentType = 'text/plain;charset=UTF-8') =>
  t.app.inject({
    method: 'POST',
    url: '/api/playback-reports',
    remoteAddress: ip,
    headers: { 'content-type': contentType, 'accept-language': 'vi' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function dashboard(query = '') {
  const cookie = await staffCookie(t.app, 'editor');
  const res = await t.app.inject({ url: `/api/staff/playback${query}`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json() as PlaybackHealth;
}

describe('POST /api/playback-reports', () => {
  it('refuses junk with a 400 saying what is wrong, and counts nothing', async () => {
    const junk: [string, unknown][] = [
      ['not JSON', '{"videoId":'],
      ['a string for a number', report({ stalls: 'many' as never })],
      ['a negative time', report({ stalledMs: -5 })],
      ['an unknown network class', report({ network: '5g' as never })],
      ['an unknown error code', report({ errors: [{ code: 'https://x.test/secret' as never, count: 1 }] })],
      [
        'more rungs than allowed',
        report({ rungs: Array.from({ length: 13 }, () => ({ rung: 360, ms: 1 })) }),
      ],
      ['a rung the clip lacks', report({ rungs: [{ rung: 1080, ms: 5000 }] })],
      ['a missing field', { ...report(), started: undefined }],
    ];
    for (const [what, body] of junk) {
      const res = await send(body, '198.51.100.2');
      expect(res.statusCode, what).toBe(400);
      expect(res.json().message, what).toMatch(/\S/);
    }
    expect(t.app.db.prepare('SELECT COUNT(*) AS n FROM playback_days').get()).toEqual({ n: 0 });
  });

  it('refuses an oversized body with 413 before reading it as JSON', async () => {
    const res = await send({ ...report(), padding: 'x'.repeat(10_000) }, '198.51.100.3');
    expect(res.statusCode).toBe(413);
  });

  it('answers a draft clip exactly as a clip that does not exist', async () => {
    const unknown = await send(report({ videoId: 'no-such-video' }), '198.51.100.4');
    const drafted = await send(report(draft), '198.51.100.4');
    const oldVersion = await send(report({ version: 'v0' }), '198.51.100.4');
    expect(unknown.statusCode).toBe(404);
    expect(drafted.statusCode).toBe(404);
    expect(oldVersion.statusCode).toBe(404);
    expect(drafted.json()).toEqual(unknown.json());
    expect(drafted.body).not.toContain(draft.videoId);
  });

  it('refuses a flood from one address with 429 and counts only what came before it', async () => {
    // Its own app: the limit's memory is per process, and the other tests' reports must not count here.
    const other = await makeTestApp({ catalogue: true });
    try {
      const { videoId } = attachReadyManifest(other, published, fakeManifest('v1'));
      const post = (ip: string) =>
        other.app.inject({
          method: 'POST',
          url: '/api/playback-reports',
          remoteAddress: ip,
          payload: report({ videoId }),
        });
      const codes: number[] = [];
      for (let i = 0; i < 40; i++) codes.push((await post('203.0.113.50')).statusCode);
      expect(codes.slice(0, 30).every((c) => c === 204)).toBe(true);
      expect(codes.slice(30).every((c) => c === 429)).toBe(true);
      // Another address is not affected.
      expect((await post('203.0.113.51')).statusCode).toBe(204);
      expect(other.app.db.prepare('SELECT SUM(plays) AS n FROM playback_days').get()).toEqual({ n: 31 });
    } finally {
      await other.app.close();
    }
  });

  it('aggregates several reports into one row per clip, day and network: sums, percentiles, rungs', async () => {
    const ip = '203.0.113.7';
    const sent = [
      report({ startMs: 800, stalls: 0, stalledMs: 0, rungs: [{ rung: 360, ms: 30_000 }] }),
      report({ startMs: 1100, stalls: 0, stalledMs: 0, rungs: [{ rung: 360, ms: 30_000 }] }),
      report({ startMs: 9000, stalls: 2, stalledMs: 6000, rungs: [{ rung: 0, ms: 30_000 }] }),
      // The same play's later batch: seconds and a stall, no new play.
      report({
        started: false,
        startMs: undefined,
        stalls: 1,
        stalledMs: 3000,
        rungs: [{ rung: 0, ms: 10_000 }],
      }),
      report({
        network: 'fast',
        startMs: 300,
        stalls: 0,
        stalledMs: 0,
        errors: [{ code: 'network', count: 1 }],
      }),
    ];
    for (const body of sent) {
      const res = await send(body, ip);
      expect(res.statusCode).toBe(204);
      // Privacy: the beacon sets no cookie.
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    // application/json is accepted too.
    expect(
      (await send(report({ started: false, startMs: undefined }), ip, 'application/json')).statusCode,
    ).toBe(204);

    const rows = t.app.db.prepare('SELECT network, plays FROM playback_days ORDER BY network').all();
    expect(rows).toEqual([
      { network: 'fast', plays: 1 },
      { network: 'slow', plays: 3 },
    ]);

    const slow = (await dashboard('?days=7&network=slow')).clips;
    expect(slow).toHaveLength(1);
    expect(slow[0]).toMatchObject({
      slug: published,
      version: 'v1',
      plays: 3,
      firstFrames: 3,
      stalls: 4,
      watchedSec: 120,
      stalledSec: 11,
    });
    expect(slow[0]?.stallRatio).toBeCloseTo(11 / 120);
    expect(slow[0]?.medianStartMs).toBeGreaterThanOrEqual(1000);
    expect(slow[0]?.medianStartMs).toBeLessThan(1414);
    expect(slow[0]?.p90StartMs).toBeGreaterThanOrEqual(8000);
    expect(slow[0]?.rungs).toEqual([
      { rung: 360, plays: 2 / 3, seconds: 80_000 / 120_000 },
      { rung: 0, plays: 1 / 3, seconds: 40_000 / 120_000 },
    ]);
    const all = (await dashboard('?days=30')).clips;
    expect(all[0]).toMatchObject({ plays: 4, errors: [{ code: 'network', count: 1 }] });

    // Privacy: no address anywhere in the database.
    const tables = t.app.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      const dump = JSON.stringify(t.app.db.prepare(`SELECT * FROM "${name}"`).all());
      expect(dump, name).not.toContain(ip);
    }
  });
});

describe('GET /api/staff/playback', () => {
  it('requires a signed-in staff member', async () => {
    const res = await t.app.inject({ url: '/api/staff/playback' });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a period outside 1–90 days', async () => {
    const cookie = await staffCookie(t.app, 'editor');
    const res = await t.app.inject({ url: '/api/staff/playback?days=400', headers: { cookie } });
    expect(res.statusCode).toBe(400);
  });
});
