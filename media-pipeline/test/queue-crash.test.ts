import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Job, JobQueue } from '../src/queue/job-queue.ts';
import { SqliteQueueEngine } from '../src/queue/sqlite-engine.ts';
import { Worker } from '../src/queue/worker.ts';
import { makeClip } from '../src/synth/make-clip.ts';
import { CRASH_LEASE_MS, type TranscodePayload, transcodeHandler } from './queue-crash-handler.ts';
import { openQueueDb, processesMentioning, tempDir, waitFor } from './queue-helpers.ts';

// A worker process dies (SIGKILL: no cleanup code runs) in the middle of a real transcode. Nothing half-made
// may become visible, and another worker must take the job over once the lease runs out and finish it.

let tmp: ReturnType<typeof tempDir>;
let child: ChildProcess | undefined;
let worker: Worker | undefined;
let input: string;

beforeAll(async () => {
  tmp = tempDir('queue-crash-');
  input = await makeClip(
    { durationSec: 20, width: 640, height: 360, fps: 25, audio: true },
    join(tmp.dir, 'upload.mp4'),
    'Crash test',
  );
});
afterAll(async () => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
  await worker?.stop({ graceMs: 0 });
  tmp.cleanup();
});

function visible(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.')) : [];
}

it('re-runs a job whose worker was killed mid-transcode, publishing exactly one version', async () => {
  const file = join(tmp.dir, 'catalogue.sqlite');
  const db = openQueueDb(file);
  const queue = new JobQueue(db, { leaseMs: CRASH_LEASE_MS });
  const videoDir = join(tmp.dir, 'media', 'video-1');
  const payload: TranscodePayload = { input, videoDir };
  const job = queue.enqueue('transcode', payload);

  // Its own process group, so the kill takes ffmpeg down with it, as a crashed container would.
  child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'queue-crash-child.ts'), file],
    {
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let childErr = '';
  child.stderr?.on('data', (chunk) => (childErr += chunk));
  const midway = await waitFor(
    () => {
      if (child?.exitCode !== null) throw new Error(`worker process exited early: ${childErr}`);
      const now = queue.get(job.id);
      return now?.state === 'running' && now.progress >= 5 && now;
    },
    60_000,
    'the child to be mid-transcode',
  );
  expect(midway.progress).toBeLessThan(100);
  const pid = child.pid as number;
  process.kill(-pid, 'SIGKILL');
  await waitFor(() => child?.signalCode === 'SIGKILL', 5000, 'the child to die');
  await waitFor(() => processesMentioning(videoDir).length === 0, 5000, 'its ffmpeg to die');

  // Nothing visible (the half-built hidden temp folder proves it died mid-build); the job still looks
  // running, held by the dead worker, with a lease about to run out.
  expect(visible(videoDir)).toEqual([]);
  expect(readdirSync(videoDir).filter((name) => name.startsWith('.tmp-'))).toHaveLength(1);
  const orphan = queue.get(job.id) as Job;
  expect(orphan).toMatchObject({ state: 'running', leaseOwner: 'doomed', attempts: 1 });
  expect(orphan.leaseExpiresAt).toBeLessThanOrEqual(Date.now() + CRASH_LEASE_MS);

  const ended: Job[] = [];
  worker = new Worker({
    queue: new SqliteQueueEngine(queue),
    handlers: { transcode: transcodeHandler },
    workerId: 'rescuer',
    pollMs: 100,
    onJobEnd: (j) => ended.push(j),
  });
  worker.start();
  await waitFor(
    () => queue.get(job.id)?.leaseOwner === 'rescuer',
    10_000,
    'the lease to expire and be taken',
  );
  expect(Date.now()).toBeGreaterThanOrEqual(orphan.leaseExpiresAt as number);
  await waitFor(() => ended.length > 0, 120_000, 'the second attempt to end');
  expect(ended[0]).toMatchObject({ id: job.id, state: 'succeeded', attempts: 2, progress: 100 });

  const versions = visible(videoDir);
  expect(versions).toHaveLength(1);
  const manifest = JSON.parse(readFileSync(join(videoDir, versions[0] as string, 'manifest.json'), 'utf8'));
  expect(manifest.version).toBe(versions[0]);
  expect(existsSync(join(videoDir, versions[0] as string, manifest.master))).toBe(true);
  db.close();
});

it('cancelling a running transcode kills ffmpeg and leaves nothing behind', async () => {
  const db = openQueueDb(join(tmp.dir, 'cancel.sqlite'));
  const queue = new JobQueue(db, { leaseMs: 900 });
  const videoDir = join(tmp.dir, 'media', 'video-2');
  const job = queue.enqueue('transcode', { input, videoDir } satisfies TranscodePayload);
  const ended: Job[] = [];
  const w = new Worker({
    queue: new SqliteQueueEngine(queue),
    handlers: { transcode: transcodeHandler },
    onJobEnd: (j) => ended.push(j),
  });
  w.start();
  await waitFor(
    () => (queue.get(job.id)?.progress ?? 0) >= 5 && processesMentioning(videoDir).length > 0,
    60_000,
  );
  queue.cancel(job.id);
  await waitFor(() => ended.length > 0, 10_000, 'the job to end');
  await w.stop({ graceMs: 0 });
  expect(ended[0]).toMatchObject({ id: job.id, state: 'cancelled', attempts: 1 });
  expect(processesMentioning(videoDir)).toEqual([]);
  expect(readdirSync(videoDir)).toEqual([]); // not even a hidden temp folder
  db.close();
});
