import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Job, JobLeaseLostError, JobQueue } from '../src/queue/job-queue.ts';
import { manualClock, openQueueDb, tempDir } from './queue-helpers.ts';

let tmp: ReturnType<typeof tempDir>;
let file: string;
const open: Database.Database[] = [];
const db = () => {
  const d = openQueueDb(file);
  open.push(d);
  return d;
};

beforeEach(() => {
  tmp = tempDir('queue-');
  file = join(tmp.dir, 'catalogue.sqlite');
});
afterEach(() => {
  for (const d of open.splice(0)) d.close();
  tmp.cleanup();
});

describe('JobQueue', () => {
  it('enqueues, claims and completes a job, keeping every field in the database file', () => {
    const clock = manualClock();
    const q = new JobQueue(db(), { now: clock.now, leaseMs: 5000 });
    const job = q.enqueue('transcode', { videoId: 'v1', input: '/x.mp4' });
    expect(job).toMatchObject({ state: 'queued', attempts: 0, maxAttempts: 3, progress: 0, error: null });
    expect(job.payload).toEqual({ videoId: 'v1', input: '/x.mp4' });
    expect(q.claim('w1', ['other'])).toBeUndefined();

    const claimed = q.claim('w1', ['transcode']);
    expect(claimed).toMatchObject({ id: job.id, state: 'running', attempts: 1, leaseOwner: 'w1' });
    expect(claimed?.leaseExpiresAt).toBe(clock.now() + 5000);
    expect(claimed?.startedAt).toBe(clock.now());
    expect(q.claim('w2', ['transcode'])).toBeUndefined();

    clock.advance(1000);
    const done = q.complete(job.id, 'w1');
    expect(done).toMatchObject({
      state: 'succeeded',
      progress: 100,
      leaseOwner: null,
      finishedAt: clock.now(),
    });
    // A second connection (another process would see the same) reads what was committed.
    expect(new JobQueue(db()).get(job.id)).toEqual(done);
  });

  it('never lets two queues on the same file claim the same job', () => {
    const a = new JobQueue(db());
    const b = new JobQueue(db());
    const ids = Array.from({ length: 30 }, (_, i) => a.enqueue('t', { i }).id);
    const got: number[] = [];
    for (;;) {
      const x = a.claim('a', ['t']);
      const y = b.claim('b', ['t']);
      if (x) got.push(x.id);
      if (y) got.push(y.id);
      if (!x && !y) break;
    }
    expect(got.sort((m, n) => m - n)).toEqual(ids);
  });

  it('never lets worker processes racing on the same file claim the same job', async () => {
    const q = new JobQueue(db());
    const ids = Array.from({ length: 120 }, (_, i) => q.enqueue('t', { i }).id);
    const child = join(import.meta.dirname, 'queue-claim-child.ts');
    const procs = [1, 2, 3].map((n) =>
      spawn(process.execPath, ['--import', 'tsx', child, file, `p${n}`], { stdio: 'pipe' }),
    );
    const runs = procs.map(
      (p) =>
        new Promise<number[]>((resolve, reject) => {
          let out = '';
          let err = '';
          p.stdout.on('data', (c) => (out += c));
          p.stderr.on('data', (c) => (err += c));
          p.on('close', (code) =>
            code === 0 ? resolve(JSON.parse(out.slice(out.indexOf('\n') + 1))) : reject(new Error(err)),
          );
        }),
    );
    // Start them together once all are loaded, however slow the machine is.
    await Promise.all(procs.map((p) => new Promise((ready) => p.stdout.once('data', ready))));
    for (const p of procs) p.stdin.end('go\n');
    const perProcess = await Promise.all(runs);
    // They really raced: more than one process got work.
    expect(perProcess.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
    const claimed = perProcess.flat();
    expect(claimed.sort((m, n) => m - n)).toEqual(ids);
    expect(q.list({ state: 'succeeded' }).total).toBe(120);
  });

  it('gives a job whose lease expired (its worker died) to another worker, counting the attempt', () => {
    const clock = manualClock();
    const q = new JobQueue(db(), { now: clock.now, leaseMs: 2000 });
    const job = q.enqueue('t', {});
    q.claim('dead', ['t']);
    clock.advance(1000);
    expect(q.heartbeat(job.id, 'dead', 10)).toBe('ok'); // lease now ends at +3000
    clock.advance(1999);
    expect(q.claim('w2', ['t'])).toBeUndefined();
    clock.advance(2);
    const taken = q.claim('w2', ['t']);
    expect(taken).toMatchObject({ id: job.id, attempts: 2, leaseOwner: 'w2', progress: 0 });
    expect(taken?.error).toMatch(/Attempt 1 stopped: its worker stopped responding/);
    expect(q.heartbeat(job.id, 'dead', 50)).toBe('lost');
    expect(() => q.complete(job.id, 'dead')).toThrow(JobLeaseLostError);
    expect(q.complete(job.id, 'w2').state).toBe('succeeded');
  });

  it('gives up on a job whose worker died on its last attempt instead of looping forever', () => {
    const clock = manualClock();
    const q = new JobQueue(db(), { now: clock.now, leaseMs: 1000 });
    const job = q.enqueue('t', {}, { maxAttempts: 2 });
    q.claim('w1', ['t']);
    clock.advance(1001);
    q.claim('w2', ['t']);
    clock.advance(1001);
    expect(q.claim('w3', ['t'])).toBeUndefined();
    const failed = q.get(job.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 2, leaseOwner: null });
    expect(failed?.error).toMatch(/stopped responding during attempt 2 of 2.*retry the job/);

    // reap() does the same on its own and returns what it ended, once.
    const cancelled = q.enqueue('t', {}, { maxAttempts: 5 });
    q.claim('w4', ['t']);
    q.cancel(cancelled.id); // cancel requested while its worker is alive...
    clock.advance(1001); // ...then the worker dies
    expect(q.reap(['other'])).toEqual([]);
    expect(q.reap(['t']).map((j) => [j.id, j.state])).toEqual([[cancelled.id, 'cancelled']]);
    expect(q.reap(['t'])).toEqual([]);
  });

  it('retries with exponential back-off up to the limit, then fails with the last error', () => {
    const clock = manualClock();
    const q = new JobQueue(db(), { now: clock.now });
    const job = q.enqueue('t', {});
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const claimed = q.claim('w', ['t']);
      expect(claimed?.attempts).toBe(attempt);
      const after = q.fail(job.id, 'w', `disk full (attempt ${attempt})`);
      expect(after.error).toBe(`disk full (attempt ${attempt})`);
      if (attempt < 3) {
        expect(after.state).toBe('queued');
        delays.push(after.runAt - clock.now());
        clock.advance(after.runAt - clock.now() - 1);
        expect(q.claim('w', ['t'])).toBeUndefined(); // not before its time
        clock.advance(1);
      } else {
        expect(after).toMatchObject({ state: 'failed', attempts: 3, finishedAt: clock.now() });
      }
    }
    expect(delays).toEqual([10_000, 20_000]);
    expect(q.claim('w', ['t'])).toBeUndefined();
  });

  it('caps the default back-off at five minutes and honours a custom one', () => {
    const clock = manualClock();
    const q = new JobQueue(db(), { now: clock.now, maxAttempts: 10 });
    const job = q.enqueue('t', {});
    let last = 0;
    for (let i = 0; i < 8; i++) {
      q.claim('w', ['t']);
      const after = q.fail(job.id, 'w', 'x');
      last = after.runAt - clock.now();
      clock.set(after.runAt);
    }
    expect(last).toBe(300_000);
    const custom = new JobQueue(db(), { now: clock.now, backoffMs: (n) => n * 7 });
    const j2 = custom.enqueue('u', {});
    custom.claim('w', ['u']);
    expect(custom.fail(j2.id, 'w', 'x').runAt).toBe(clock.now() + 7);
  });

  it('fails a permanent error at once', () => {
    const q = new JobQueue(db());
    const job = q.enqueue('t', {});
    q.claim('w', ['t']);
    const after = q.fail(job.id, 'w', 'The file is not a video', { permanent: true });
    expect(after).toMatchObject({ state: 'failed', attempts: 1, error: 'The file is not a video' });
  });

  it('cancels a queued job at once and a running one through its heartbeat', () => {
    const clock = manualClock();
    const q = new JobQueue(db(), { now: clock.now, leaseMs: 1000 });
    const queued = q.enqueue('t', {}, { runAt: clock.now() + 60_000 });
    expect(q.cancel(queued.id)).toMatchObject({ state: 'cancelled', finishedAt: clock.now() });
    const running = q.enqueue('t', {});
    q.claim('w', ['t']);
    expect(q.cancel(running.id)).toMatchObject({ state: 'running', cancelRequested: true });
    expect(q.heartbeat(running.id, 'w', 40)).toBe('cancel');
    expect(q.markCancelled(running.id, 'w')).toMatchObject({ state: 'cancelled', leaseOwner: null });
    expect(q.cancel(running.id)?.state).toBe('cancelled'); // ended jobs are returned unchanged
    expect(q.cancel(9999)).toBeUndefined();
    clock.advance(120_000);
    expect(q.claim('w', ['t'])).toBeUndefined();
  });

  it('cancels at once a running job whose worker is gone, and never retries a job being cancelled', () => {
    const clock = manualClock();
    const q = new JobQueue(db(), { now: clock.now, leaseMs: 1000 });
    const orphan = q.enqueue('t', {});
    q.claim('dead', ['t']);
    clock.advance(1001);
    expect(q.cancel(orphan.id)?.state).toBe('cancelled');
    const failing = q.enqueue('t', {});
    q.claim('w', ['t']);
    q.cancel(failing.id);
    expect(q.fail(failing.id, 'w', 'ffmpeg was cancelled').state).toBe('cancelled');
  });

  it('retry() starts a failed or cancelled job over; other states are left alone', () => {
    const q = new JobQueue(db());
    const job = q.enqueue('t', {}, { maxAttempts: 1 });
    q.claim('w', ['t']);
    q.fail(job.id, 'w', 'boom');
    const again = q.retry(job.id);
    expect(again).toMatchObject({ state: 'queued', attempts: 0, error: null, cancelRequested: false });
    expect(q.claim('w', ['t'])?.attempts).toBe(1);
    expect(q.retry(job.id)?.state).toBe('running');
    q.complete(job.id, 'w');
    expect(q.retry(job.id)?.state).toBe('succeeded');
    expect(q.retry(12345)).toBeUndefined();
    const cancelled = q.enqueue('t', {});
    q.cancel(cancelled.id);
    expect(q.retry(cancelled.id)?.state).toBe('queued');
  });

  it('release() puts the job back at once without counting the attempt', () => {
    const q = new JobQueue(db());
    const job = q.enqueue('t', {});
    q.claim('w', ['t']);
    q.heartbeat(job.id, 'w', 30);
    expect(q.release(job.id, 'w')).toMatchObject({
      state: 'queued',
      attempts: 0,
      progress: 0,
      leaseOwner: null,
    });
    expect(q.claim('w2', ['t'])?.attempts).toBe(1);
  });

  it('persists progress from heartbeats and notifies every change in-process', () => {
    const q = new JobQueue(db());
    const seen: Pick<Job, 'state' | 'progress'>[] = [];
    const off = q.onChange((j) => seen.push({ state: j.state, progress: j.progress }));
    const job = q.enqueue('t', {});
    q.claim('w', ['t']);
    q.heartbeat(job.id, 'w', 42.4);
    q.heartbeat(job.id, 'w'); // lease only: no notification
    expect(new JobQueue(db()).get(job.id)?.progress).toBe(42);
    q.heartbeat(job.id, 'w', 250);
    expect(q.get(job.id)?.progress).toBe(100);
    q.complete(job.id, 'w');
    off();
    q.enqueue('t', {});
    expect(seen).toEqual([
      { state: 'queued', progress: 0 },
      { state: 'running', progress: 0 },
      { state: 'running', progress: 42 },
      { state: 'running', progress: 100 },
      { state: 'succeeded', progress: 100 },
    ]);
  });

  it('tells another process what changed since a time, ignoring lease-only heartbeats', () => {
    const clock = manualClock();
    const q = new JobQueue(db(), { now: clock.now });
    const a = q.enqueue('t', {});
    const b = q.enqueue('t', {});
    const t0 = clock.now();
    clock.advance(10);
    q.claim('w', ['t']);
    clock.advance(10);
    q.heartbeat(a.id, 'w'); // lease only
    const other = new JobQueue(db());
    expect(other.changedSince(t0).map((j) => [j.id, j.state])).toEqual([[a.id, 'running']]);
    clock.advance(10);
    q.heartbeat(a.id, 'w', 60);
    q.cancel(b.id);
    expect(other.changedSince(t0 + 10).map((j) => [j.id, j.progress, j.state])).toEqual([
      [a.id, 60, 'running'],
      [b.id, 0, 'cancelled'],
    ]);
    expect(other.changedSince(clock.now())).toEqual([]);
  });

  it('lists newest first with a state filter, paging and a total', () => {
    const q = new JobQueue(db());
    const ids = Array.from({ length: 5 }, () => q.enqueue('t', {}).id);
    const first = ids[0] as number;
    q.claim('w', ['t']);
    q.complete(first, 'w');
    expect(q.list({ state: 'queued' }).total).toBe(4);
    const page = q.list({ limit: 2, offset: 1 });
    expect(page.total).toBe(5);
    expect(page.items.map((j) => j.id)).toEqual([ids[3], ids[2]]);
    expect(q.list({ state: 'succeeded' }).items.map((j) => j.id)).toEqual([first]);
  });

  it('refuses what cannot be stored, saying why', () => {
    const q = new JobQueue(db());
    expect(() => q.enqueue('', {})).toThrow(/non-empty/);
    expect(() => q.enqueue('t', undefined)).toThrow(/cannot be stored as JSON/);
    expect(() => q.enqueue('t', {}, { maxAttempts: 0 })).toThrow(/at least 1/);
  });
});
