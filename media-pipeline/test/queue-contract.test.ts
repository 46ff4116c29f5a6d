import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { QueueEngine } from '../src/queue/engine.ts';
import { type Job, JobLeaseLostError } from '../src/queue/schema.ts';
import { type RedisServer, startRedis } from '../src/testing/redis-server.ts';
import { type EngineKind, type EngineOptions, newStore, openEngine, type Store } from './queue-engines.ts';
import { tempDir, waitFor } from './queue-helpers.ts';

// One contract, both engines: what the worker and the api rely on holds on SQLite (one machine) and on BullMQ
// with a real redis-server (a fleet). Real clocks: leases of a fraction of a second, waited for, never timed.

const LEASE_MS = 400;
let tmp: ReturnType<typeof tempDir>;
let redis: RedisServer;
const opened: QueueEngine[] = [];

beforeAll(async () => {
  tmp = tempDir('queue-contract-');
  redis = await startRedis();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((e) => e.close()));
});
afterAll(async () => {
  await redis?.stop();
  tmp?.cleanup();
});

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each<EngineKind>(['sqlite', 'bullmq'])('%s engine', (kind) => {
  let store: Store;
  /** Each call is one worker's (or the api's) own connection to the same jobs. */
  const open = (opts: EngineOptions = {}) => {
    store ??= newStore(kind, { dir: tmp.dir, redisUrl: redis.url });
    const engine = openEngine(store, { leaseMs: LEASE_MS, backoffMs: () => 0, ...opts });
    opened.push(engine);
    return engine;
  };
  afterEach(() => {
    store = undefined as unknown as Store;
  });

  it('enqueues, leases, reports progress and completes with a result', async () => {
    const q = open();
    const job = await q.enqueue('transcode', { videoId: 'v1' });
    expect(job).toMatchObject({ state: 'queued', attempts: 0, maxAttempts: 3, progress: 0, error: null });
    expect(await q.claim('w1', ['other'])).toBeUndefined();

    const claimed = await q.claim('w1', ['transcode']);
    expect(claimed).toMatchObject({ id: job.id, state: 'running', attempts: 1, leaseOwner: 'w1' });
    expect(claimed?.payload).toEqual({ videoId: 'v1' });
    expect(await q.claim('w2', ['transcode'])).toBeUndefined();

    expect(await q.heartbeat(job.id, 'w1', 42)).toBe('ok');
    expect(await q.get(job.id)).toMatchObject({ state: 'running', progress: 42 });
    const running = await q.list({ state: 'running' });
    expect(running.items.map((j) => [j.id, j.progress])).toEqual([[job.id, 42]]);

    const done = await q.complete(job.id, 'w1', { version: 'v-1' });
    expect(done).toMatchObject({
      state: 'succeeded',
      progress: 100,
      leaseOwner: null,
      result: { version: 'v-1' },
    });
    expect(await open().get(job.id)).toMatchObject({ state: 'succeeded', result: { version: 'v-1' } });
    expect(await q.claim('w1', ['transcode'])).toBeUndefined();
  });

  it('lists newest first, filtered by state', async () => {
    const q = open();
    const a = await q.enqueue('t', { n: 1 });
    const b = await q.enqueue('t', { n: 2 });
    await q.claim('w', ['t']); // takes a, the oldest
    const all = await q.list();
    expect(all.items.map((j) => j.id)).toEqual([b.id, a.id]);
    expect(all.total).toBe(2);
    expect((await q.list({ state: 'queued' })).items.map((j) => j.id)).toEqual([b.id]);
    expect((await q.list({ state: 'running' })).items.map((j) => j.id)).toEqual([a.id]);
  });

  it('never hands one job to two workers at once', async () => {
    const a = open();
    const b = open();
    const ids = new Set<number>();
    for (let i = 0; i < 12; i++) ids.add((await a.enqueue('t', { i })).id);
    const got: number[] = [];
    for (;;) {
      const [x, y] = await Promise.all([a.claim('a', ['t']), b.claim('b', ['t'])]);
      if (!x && !y) break;
      for (const j of [x, y]) if (j) got.push(j.id);
    }
    expect(got.sort((m, n) => m - n)).toEqual([...ids].sort((m, n) => m - n));
  });

  it('hands a dead worker’s job to another after the lease; the late finisher is refused; it succeeds once', async () => {
    const api = open();
    const ends: Job[] = [];
    api.onChange((j) => {
      if (j.state === 'succeeded') ends.push(j);
    });
    if ('listening' in api) await (api as { listening(): Promise<void> }).listening();
    const a = open();
    // b is the api's own (inline) worker: a SQLite engine tells only its own process's listeners.
    const b = api;
    const job = await api.enqueue('transcode', { videoId: 'v2' });
    expect(await a.claim('a', ['transcode'])).toMatchObject({ attempts: 1, leaseOwner: 'a' });
    expect(await b.claim('b', ['transcode'])).toBeUndefined(); // the lease holds

    // a stops heartbeating (stuck, or its machine paused): once its lease runs out b takes the job over.
    const taken = await waitFor(async () => await b.claim('b', ['transcode']), 10_000, 'the takeover');
    expect(taken).toMatchObject({ id: job.id, attempts: 2, leaseOwner: 'b' });
    expect(taken.error).toMatch(/Attempt 1 stopped: its worker stopped responding/);

    expect(await a.heartbeat(job.id, 'a', 90)).toBe('lost');
    await expect(a.complete(job.id, 'a', { by: 'a' })).rejects.toBeInstanceOf(JobLeaseLostError);
    await expect(a.fail(job.id, 'a', 'late')).rejects.toBeInstanceOf(JobLeaseLostError);
    expect(await b.complete(job.id, 'b', { by: 'b' })).toMatchObject({
      state: 'succeeded',
      result: { by: 'b' },
    });
    await expect(a.complete(job.id, 'a', { by: 'a' })).rejects.toBeInstanceOf(JobLeaseLostError);

    await waitFor(() => ends.length > 0, 5000, 'the succeeded event');
    expect(await api.get(job.id)).toMatchObject({ state: 'succeeded', attempts: 2, result: { by: 'b' } });
    expect(ends.map((j) => [j.id, j.result])).toEqual([[job.id, { by: 'b' }]]);
  });

  it('retries a failed attempt after its back-off, then fails for good at the limit', async () => {
    const q = open({ maxAttempts: 2, backoffMs: () => 1500 });
    const job = await q.enqueue('t', {});
    await q.claim('w', ['t']);
    const retrying = await q.fail(job.id, 'w', 'ffmpeg exited with code 1');
    expect(retrying).toMatchObject({ state: 'queued', attempts: 1, error: 'ffmpeg exited with code 1' });
    expect(retrying.runAt).toBeGreaterThan(Date.now() + 500);
    expect(await q.claim('w', ['t'])).toBeUndefined(); // backing off

    const second = await waitFor(async () => await q.claim('w', ['t']), 10_000, 'the back-off to pass');
    expect(second).toMatchObject({ id: job.id, attempts: 2 });
    expect(await q.fail(job.id, 'w', 'again')).toMatchObject({
      state: 'failed',
      attempts: 2,
      error: 'again',
    });
    expect(await q.claim('w', ['t'])).toBeUndefined();
  });

  it('fails a permanent error at once, and a retry starts the job over', async () => {
    const q = open();
    const job = await q.enqueue('t', {});
    await q.claim('w', ['t']);
    expect(await q.fail(job.id, 'w', 'not a video', { permanent: true })).toMatchObject({
      state: 'failed',
      attempts: 1,
    });
    expect(await q.retry(job.id)).toMatchObject({ state: 'queued', attempts: 0, error: null });
    expect(await q.claim('w', ['t'])).toMatchObject({ id: job.id, attempts: 1 });
  });

  it('retries on a new payload when given one, and keeps the old one otherwise', async () => {
    const q = open();
    const job = await q.enqueue('t', { input: '/old/disk/file.mp4' });
    await q.claim('w', ['t']);
    await q.fail(job.id, 'w', 'source missing', { permanent: true });
    await q.retry(job.id, { input: 's3:sources/v1.mp4' });
    const again = await q.claim('w', ['t']);
    expect(again).toMatchObject({ id: job.id, payload: { input: 's3:sources/v1.mp4' } });
    await q.fail(job.id, 'w', 'still failing', { permanent: true });
    await q.retry(job.id);
    expect(await q.claim('w', ['t'])).toMatchObject({ payload: { input: 's3:sources/v1.mp4' } });
  });

  it('cancels a queued job at once and a running one at its worker’s next heartbeat', async () => {
    const staff = open();
    const worker = open();
    const queued = await staff.enqueue('t', { n: 1 });
    expect(await staff.cancel(queued.id)).toMatchObject({ state: 'cancelled' });
    expect(await worker.claim('w', ['t'])).toBeUndefined();

    const running = await staff.enqueue('t', { n: 2 });
    await worker.claim('w', ['t']);
    expect(await staff.cancel(running.id)).toMatchObject({ state: 'running', cancelRequested: true });
    expect(await worker.heartbeat(running.id, 'w', 30)).toBe('cancel');
    expect(await worker.markCancelled(running.id, 'w')).toMatchObject({ state: 'cancelled' });

    // Both start over on retry, and nothing else was claimable meanwhile.
    expect(await staff.retry(queued.id)).toMatchObject({ state: 'queued', cancelRequested: false });
    expect(await worker.claim('w', ['t'])).toMatchObject({ id: queued.id, attempts: 1 });
  });

  it('gives the attempt back when a worker releases its job at shutdown', async () => {
    const q = open({ maxAttempts: 1 });
    const job = await q.enqueue('t', {});
    await q.claim('w', ['t']);
    expect(await q.release(job.id, 'w')).toMatchObject({ state: 'queued', attempts: 0, leaseOwner: null });
    expect(await q.claim('w2', ['t'])).toMatchObject({ id: job.id, attempts: 1, leaseOwner: 'w2' });
  });

  it('ends a job whose worker died on its last attempt instead of running it again', async () => {
    const a = open({ maxAttempts: 1 });
    const b = open({ maxAttempts: 1 });
    const job = await a.enqueue('t', {});
    await a.claim('a', ['t']);
    await wait(LEASE_MS);
    const ended = await waitFor(
      async () => {
        const reaped = await b.reap(['t']);
        if (reaped.length > 0) return reaped;
        return (await b.claim('b', ['t'])) ? ['claimed' as const] : undefined;
      },
      10_000,
      'the dead worker’s job to end',
    );
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ id: job.id, state: 'failed' });
    expect((ended[0] as Job).error).toMatch(/stopped responding during attempt 1 of 1/);
    expect(await b.claim('b', ['t'])).toBeUndefined();
  });
});
