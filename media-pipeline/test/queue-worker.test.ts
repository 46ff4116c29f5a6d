import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFfmpeg } from '../src/ffmpeg/run.ts';
import { type Job, JobQueue } from '../src/queue/job-queue.ts';
import { SqliteQueueEngine } from '../src/queue/sqlite-engine.ts';
import { type JobHandler, PermanentJobError, Worker } from '../src/queue/worker.ts';
import { openQueueDb, processesMentioning, tempDir, waitFor } from './queue-helpers.ts';

let tmp: ReturnType<typeof tempDir>;
let file: string;
const open: Database.Database[] = [];
const workers: Worker[] = [];
const db = () => {
  const d = openQueueDb(file);
  open.push(d);
  return d;
};

beforeEach(() => {
  tmp = tempDir('worker-');
  file = join(tmp.dir, 'catalogue.sqlite');
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop({ graceMs: 0 })));
  for (const d of open.splice(0)) d.close();
  tmp.cleanup();
});

function startWorker(
  queue: JobQueue,
  handlers: Record<string, JobHandler>,
  extra: { heartbeatMs?: number } = {},
) {
  const ended: { job: Job; error?: unknown }[] = [];
  const worker = new Worker({
    queue: new SqliteQueueEngine(queue),
    handlers,
    pollMs: 50,
    workerId: `w${workers.length + 1}`,
    onJobEnd: (job, error) => ended.push({ job, error }),
    ...extra,
  });
  workers.push(worker);
  worker.start();
  return { worker, ended };
}

/**
 * A realistic handler: encodes a long synthetic clip with real ffmpeg into a hidden temp folder and removes
 * the folder if it does not finish (as transcode does), reporting ffmpeg's progress.
 */
function longEncode(workDir: string): JobHandler {
  return async (job, ctx) => {
    const temp = join(workDir, `.tmp-job-${job.id}`);
    mkdirSync(temp, { recursive: true });
    try {
      await runFfmpeg(
        [
          '-re', // real time: slow and steady, so the job is surely mid-run when the test acts
          '-f',
          'lavfi',
          '-i',
          'testsrc2=size=320x240:rate=25:duration=60',
          '-c:v',
          'libx264',
          '-preset',
          'ultrafast',
          join(temp, 'out.mp4'),
        ],
        { signal: ctx.signal, durationSec: 60, onProgress: (p) => ctx.progress(p) },
      );
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  };
}

describe('Worker', () => {
  it('runs a job, persisting its progress while it runs, and reports the end', async () => {
    const queue = new JobQueue(db());
    const observer = new JobQueue(db()); // another connection, as the api would be
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const seen: unknown[] = [];
    const { ended } = startWorker(queue, {
      greet: async (job, ctx) => {
        seen.push(job.payload, ctx.attempt);
        ctx.progress(37.6);
        await gate;
      },
    });
    const job = queue.enqueue('greet', { name: 'Ê Đê' });
    await waitFor(() => observer.get(job.id)?.progress === 38, 5000, 'progress 38 in the database');
    expect(observer.get(job.id)).toMatchObject({ state: 'running', leaseOwner: 'w1' });
    release();
    await waitFor(() => ended.length === 1, 5000, 'job end');
    expect(seen).toEqual([{ name: 'Ê Đê' }, 1]);
    expect(ended[0]?.job).toMatchObject({ id: job.id, state: 'succeeded', progress: 100 });
    expect(ended[0]?.error).toBeUndefined();
  });

  it('retries a failing handler with back-off up to the limit, and keeps running after any exception', async () => {
    const queue = new JobQueue(db(), { backoffMs: () => 30 });
    const { ended } = startWorker(queue, {
      flaky: async () => {
        throw new Error('network share unavailable');
      },
      odd: async () => {
        throw 'not even an Error'; // handlers are third-party code: anything can be thrown
      },
      fine: async () => {},
    });
    const flaky = queue.enqueue('flaky', {});
    await waitFor(() => queue.get(flaky.id)?.state === 'failed', 10_000, 'flaky job to fail');
    expect(queue.get(flaky.id)).toMatchObject({ attempts: 3, error: 'network share unavailable' });
    expect(ended.map((e) => e.job.state)).toEqual(['queued', 'queued', 'failed']);
    expect(ended[2]?.error).toMatchObject({ message: 'network share unavailable' });
    const odd = queue.enqueue('odd', {}, { maxAttempts: 1 });
    const fine = queue.enqueue('fine', {});
    await waitFor(() => queue.get(fine.id)?.state === 'succeeded', 5000, 'the loop to go on');
    expect(queue.get(odd.id)).toMatchObject({ state: 'failed', error: 'not even an Error' });
  });

  it('fails at once on a PermanentJobError', async () => {
    const queue = new JobQueue(db());
    const { ended } = startWorker(queue, {
      probe: async () => {
        throw new PermanentJobError('The file is audio only: upload a video');
      },
    });
    const job = queue.enqueue('probe', {});
    await waitFor(() => ended.length === 1, 5000, 'job end');
    expect(queue.get(job.id)).toMatchObject({
      state: 'failed',
      attempts: 1,
      error: 'The file is audio only: upload a video',
    });
  });

  it('cancels a running job: ffmpeg is killed, temp files go, the job ends cancelled', async () => {
    const queue = new JobQueue(db(), { leaseMs: 900 }); // heartbeat every 300 ms
    const { ended } = startWorker(queue, { encode: longEncode(tmp.dir) });
    const job = queue.enqueue('encode', {});
    const temp = join(tmp.dir, `.tmp-job-${job.id}`);
    await waitFor(
      () => processesMentioning(temp).length > 0 && (queue.get(job.id)?.progress ?? 0) > 0,
      15_000,
    );
    expect(existsSync(temp)).toBe(true);
    const cancelAt = Date.now();
    expect(queue.cancel(job.id)).toMatchObject({ state: 'running', cancelRequested: true });
    await waitFor(() => ended.length === 1, 10_000, 'job end');
    expect(Date.now() - cancelAt).toBeLessThan(5000);
    expect(ended[0]?.job).toMatchObject({ id: job.id, state: 'cancelled', leaseOwner: null });
    expect(processesMentioning(temp)).toEqual([]);
    expect(existsSync(temp)).toBe(false);
  });

  it('stop() lets a short job finish within the grace time', async () => {
    const queue = new JobQueue(db());
    const { worker } = startWorker(queue, { short: () => new Promise((r) => setTimeout(r, 300)) });
    const job = queue.enqueue('short', {});
    await waitFor(() => queue.get(job.id)?.state === 'running', 5000);
    await worker.stop({ graceMs: 5000 });
    expect(queue.get(job.id)?.state).toBe('succeeded');
    queue.enqueue('short', {});
    await new Promise((r) => setTimeout(r, 200));
    expect(queue.list({ state: 'queued' }).total).toBe(1); // a stopped worker claims nothing
  });

  it('stop() aborts a long job after the grace time and releases it to the queue, attempt not counted', async () => {
    const queue = new JobQueue(db());
    const { worker, ended } = startWorker(queue, { encode: longEncode(tmp.dir) });
    const job = queue.enqueue('encode', {});
    const temp = join(tmp.dir, `.tmp-job-${job.id}`);
    await waitFor(() => processesMentioning(temp).length > 0, 15_000, 'ffmpeg to start');
    await worker.stop({ graceMs: 300 });
    expect(queue.get(job.id)).toMatchObject({ state: 'queued', attempts: 0, leaseOwner: null, progress: 0 });
    expect(ended.map((e) => e.job.state)).toEqual(['queued']);
    expect(processesMentioning(temp)).toEqual([]);
    expect(existsSync(temp)).toBe(false);
  });

  it('stops work on a job whose lease another worker took over, without touching its record', async () => {
    const queue = new JobQueue(db(), { leaseMs: 300 });
    let aborted = false;
    const { ended } = startWorker(
      queue,
      {
        slow: async (_job, ctx) => {
          await new Promise((r) => setTimeout(r, 600)); // too busy to heartbeat: the lease runs out
          ctx.progress(10); // the next write finds the job taken over
          await new Promise<void>((resolve) => {
            ctx.signal.addEventListener('abort', () => resolve());
            setTimeout(resolve, 5000);
          });
          aborted = ctx.signal.aborted;
        },
      },
      { heartbeatMs: 60_000 },
    );
    const job = queue.enqueue('slow', {});
    await waitFor(() => queue.get(job.id)?.state === 'running', 5000);
    const other = new JobQueue(db(), { leaseMs: 60_000 });
    const taken = await waitFor(() => other.claim('w-other', ['slow']), 5000, 'lease expiry');
    expect(taken.attempts).toBe(2);
    await waitFor(() => aborted, 5000, 'the handler to be aborted');
    await new Promise((r) => setTimeout(r, 100));
    expect(ended).toEqual([]);
    expect(queue.get(job.id)).toMatchObject({ state: 'running', leaseOwner: 'w-other', attempts: 2 });
  });

  it('reports a job whose worker died on its last attempt as failed', async () => {
    const queue = new JobQueue(db(), { leaseMs: 100 });
    const job = queue.enqueue('encode', {}, { maxAttempts: 1 });
    queue.claim('crashed-worker', ['encode']);
    await new Promise((r) => setTimeout(r, 150));
    let ran = false;
    const { ended } = startWorker(queue, {
      encode: async () => {
        ran = true;
      },
    });
    await waitFor(() => ended.length > 0, 5000, 'the report');
    expect(ended[0]?.job).toMatchObject({ id: job.id, state: 'failed', attempts: 1 });
    expect(ended[0]?.job.error).toMatch(/stopped responding during attempt 1 of 1/);
    expect(ran).toBe(false);
  });

  it('starts a job enqueued in the same process without waiting for the next poll', async () => {
    const queue = new JobQueue(db());
    const worker = new Worker({
      queue: new SqliteQueueEngine(queue),
      handlers: { quick: async () => {} },
      pollMs: 60_000,
    });
    workers.push(worker);
    worker.start();
    await new Promise((r) => setTimeout(r, 50)); // the loop is asleep now
    const job = queue.enqueue('quick', {});
    await waitFor(() => queue.get(job.id)?.state === 'succeeded', 2000, 'an immediate start');
  });
});
