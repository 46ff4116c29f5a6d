import type { NetworkClass, PlaybackReport } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import type {
  ClipTotals,
  PlaybackCount,
  PlaybackKey,
  PlaybackSums,
} from '../repositories/playback.repository.ts';
import {
  PlaybackHealthService,
  type PlaybackStore,
  percentileFromBuckets,
  START_BUCKETS_MS,
  startBucket,
} from './playback-health.service.ts';

const DAY = 86_400_000;

/** The repository's arithmetic in memory: rows per key, summed on read. */
class FakeStore implements PlaybackStore {
  rows: { key: PlaybackKey; sums: PlaybackSums; counts: PlaybackCount[] }[] = [];
  publishedClip(videoId: string, version: string) {
    return videoId === 'v1' && version === 'ver1'
      ? { artifactId: 7, videoId, version, rungs: [720, 480, 240, 0] }
      : undefined;
  }
  add(key: PlaybackKey, sums: PlaybackSums, counts: readonly PlaybackCount[]) {
    this.rows.push({ key, sums, counts: [...counts] });
  }
  totalsSince(fromDay: number, network: NetworkClass | 'all'): ClipTotals[] {
    const rows = this.rows.filter(
      (r) => r.key.day >= fromDay && (network === 'all' || r.key.network === network),
    );
    if (!rows.length) return [];
    const sum = (f: (s: PlaybackSums) => number) => rows.reduce((a, r) => a + f(r.sums), 0);
    const counts = new Map<string, PlaybackCount>();
    for (const c of rows.flatMap((r) => r.counts)) {
      const id = `${c.kind}/${c.key}`;
      counts.set(id, { ...c, value: (counts.get(id)?.value ?? 0) + c.value });
    }
    return [
      {
        artifactId: 7,
        slug: 'khen',
        titleVi: 'Khèn',
        titleEn: 'Mouth organ',
        version: 'ver1',
        plays: sum((s) => s.plays),
        firstFrames: sum((s) => s.firstFrames),
        stalls: sum((s) => s.stalls),
        stalledMs: sum((s) => s.stalledMs),
        watchedMs: sum((s) => s.watchedMs),
        counts: [...counts.values()],
      },
    ];
  }
}

const report = (over: Partial<PlaybackReport> = {}): PlaybackReport => ({
  videoId: 'v1',
  version: 'ver1',
  network: 'slow',
  started: true,
  startMs: 1200,
  stalls: 0,
  stalledMs: 0,
  rungs: [{ rung: 240, ms: 10_000 }],
  errors: [],
  ...over,
});

function setup(now = 20_000 * DAY + 5000) {
  const store = new FakeStore();
  let clock = now;
  const service = new PlaybackHealthService(store, () => clock);
  return { store, service, setNow: (ms: number) => (clock = ms) };
}

describe('start-time histogram', () => {
  it('puts a time in the first bucket whose upper bound is above it; the slowest in the open last one', () => {
    expect(startBucket(0)).toBe(0);
    expect(startBucket(124)).toBe(0);
    expect(startBucket(125)).toBe(1);
    expect(startBucket(1000)).toBe(START_BUCKETS_MS.indexOf(1414));
    expect(startBucket(500_000)).toBe(START_BUCKETS_MS.length);
  });

  it('reads the median and the 90th percentile back within one bucket of the true values', () => {
    // 100 starts: 1.0 s, 1.1 s ... 10.9 s. True median ≈ 5.95 s, p90 ≈ 9.95 s.
    const times = Array.from({ length: 100 }, (_, i) => 1000 + i * 100);
    const buckets = new Map<number, number>();
    for (const t of times) buckets.set(startBucket(t), (buckets.get(startBucket(t)) ?? 0) + 1);
    const median = percentileFromBuckets(buckets, 0.5) as number;
    const p90 = percentileFromBuckets(buckets, 0.9) as number;
    expect(median).toBeGreaterThanOrEqual(4000);
    expect(median).toBeLessThan(8000);
    expect(p90).toBeGreaterThanOrEqual(8000);
    expect(p90).toBeLessThan(11314);
    expect(p90).toBeGreaterThan(median);
  });

  it('is exact where all values share one bucket edge, null when there is nothing, the bound for the open bucket', () => {
    expect(percentileFromBuckets(new Map(), 0.5)).toBeNull();
    // Two values in [1000, 1414): the median is the bucket's middle.
    expect(percentileFromBuckets(new Map([[startBucket(1000), 2]]), 0.5)).toBe(1207);
    expect(percentileFromBuckets(new Map([[START_BUCKETS_MS.length, 3]]), 0.9)).toBe(64000);
  });
});

describe('playback health service', () => {
  it('counts one play, its start bucket, its rung seconds and its main rung, on the UTC day', () => {
    const { store, service } = setup();
    service.record(
      report({
        rungs: [
          { rung: 240, ms: 4000 },
          { rung: 480, ms: 6000 },
          { rung: 240, ms: 3000 },
        ],
      }),
    );
    const [row] = store.rows;
    expect(row?.key).toEqual({ artifactId: 7, videoId: 'v1', version: 'ver1', day: 20_000, network: 'slow' });
    expect(row?.sums).toEqual({ plays: 1, firstFrames: 1, stalls: 0, stalledMs: 0, watchedMs: 13_000 });
    expect(row?.counts).toEqual(
      expect.arrayContaining([
        { kind: 'rung_ms', key: '240', value: 7000 },
        { kind: 'rung_ms', key: '480', value: 6000 },
        { kind: 'rung_plays', key: '240', value: 1 },
        { kind: 'start_bucket', key: `${startBucket(1200)}`, value: 1 },
      ]),
    );
  });

  it('a later batch of the same play adds seconds and stalls but no play and no start', () => {
    const { store, service } = setup();
    service.record(report({ started: false, startMs: undefined, stalls: 2, stalledMs: 3500 }));
    expect(store.rows[0]?.sums).toMatchObject({ plays: 0, firstFrames: 0, stalls: 2, stalledMs: 3500 });
    expect(store.rows[0]?.counts.map((c) => c.kind)).toEqual(['rung_ms']);
  });

  it('answers a draft or unknown clip with the same 404, and refuses a rung the clip does not have', () => {
    const { store, service } = setup();
    expect(() => service.record(report({ videoId: 'draft' }))).toThrow(
      expect.objectContaining({ statusCode: 404 }),
    );
    expect(() => service.record(report({ version: 'old' }))).toThrow(
      expect.objectContaining({ statusCode: 404 }),
    );
    expect(() => service.record(report({ rungs: [{ rung: 1080, ms: 1000 }] }))).toThrow(
      expect.objectContaining({ statusCode: 400, field: 'rungs' }),
    );
    expect(store.rows).toEqual([]);
  });

  it('summarises: plays, median and p90 start, stall ratio, shares of plays and seconds per rung, errors', () => {
    const { service } = setup();
    service.record(report({ startMs: 900, rungs: [{ rung: 480, ms: 30_000 }] }));
    service.record(report({ startMs: 1100, rungs: [{ rung: 480, ms: 30_000 }] }));
    service.record(report({ startMs: 6000, stalls: 3, stalledMs: 9000, rungs: [{ rung: 240, ms: 30_000 }] }));
    service.record(report({ startMs: undefined, rungs: [], errors: [{ code: 'network', count: 1 }] }));
    const [clip] = service.summary(7, 'all').clips;
    expect(clip).toMatchObject({
      slug: 'khen',
      plays: 4,
      firstFrames: 3,
      stalls: 3,
      watchedSec: 90,
      stalledSec: 9,
    });
    expect(clip?.stallRatio).toBeCloseTo(0.1);
    expect(clip?.medianStartMs).toBeGreaterThanOrEqual(1000);
    expect(clip?.medianStartMs).toBeLessThan(1414);
    expect(clip?.p90StartMs).toBeGreaterThanOrEqual(5657);
    expect(clip?.rungs).toEqual([
      { rung: 480, plays: 2 / 3, seconds: 2 / 3 },
      { rung: 240, plays: 1 / 3, seconds: 1 / 3 },
    ]);
    expect(clip?.errors).toEqual([{ code: 'network', count: 1 }]);
  });

  it('keeps to the asked days and network class', () => {
    const { service, setNow } = setup(20_000 * DAY);
    service.record(report({ network: 'fast' }));
    setNow(20_010 * DAY);
    service.record(report({ network: 'slow' }));
    expect(service.summary(7, 'all').clips[0]?.plays).toBe(1);
    expect(service.summary(30, 'all').clips[0]?.plays).toBe(2);
    expect(service.summary(30, 'fast').clips[0]?.plays).toBe(1);
    expect(service.summary(7, 'fast').clips).toEqual([]);
  });
});
