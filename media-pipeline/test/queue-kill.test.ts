import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueEngine } from '../src/queue/engine.ts';
import type { Job } from '../src/queue/schema.ts';
import { Worker } from '../src/queue/worker.ts';
import { type RedisServer, startRedis } from '../src/testing/redis-server.ts';
import { type EngineKind, newStore, openEngine } from './queue-engines.ts';
import { tempDir, waitFor } from './queue-helpers.ts';

// A worker process is killed (SIGKILL: no cleanup runs, its lease is never given back) in the middle of a job.
// On either engine another worker takes the job over once the lease runs out and completes it exactly once.

const LEASE_MS = 1000;
let tmp: ReturnType<typeof tempDir>;
let redis: RedisServer;
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  tmp = tempDir('queue-kill-');
  redis = await startRedis();
});
afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups) await cleanup();
  await redis?.stop();
  tmp?.cleanup();
});

describe.each<EngineKind>(['sqlite', 'bullmq'])('%s engine', (kind) => {
  it('completes once on another worker the job whose worker process was killed mid-job', async () => {
    const store = newStore(kind, { dir: tmp.dir, redisUrl: redis.url });
    const api: QueueEngine = openEngine(store, { leaseMs: LEASE_MS });
    cleanups.push(() => api.close());
    const succeeded: Job[] = [];
    api.onChange((j) => {
      if (j.state === 'succeeded') succeeded.push(j);
    });
    if ('listening' in api) await (api as { listening(): Promise<void> }).listening();
    const job = await api.enqueue('slow', { clip: 'kill-me' });

    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'queue-kill-child.ts'),
        kind,
        store.address,
        String(LEASE_MS),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    children.push(child);
    let childErr = '';
    child.stderr?.on('data', (chunk) => (childErr += chunk));
    const midway = await waitFor(
      async () => {
        if (child.exitCode !== null) throw new Error(`worker process exited early: ${childErr}`);
        const now = await api.get(job.id);
        return now?.state === 'running' && now.progress >= 5 && now;
      },
      30_000,
      'the child to be mid-job',
    );
    expect(midway).toMatchObject({ leaseOwner: 'doomed', attempts: 1 });
    child.kill('SIGKILL');
    await waitFor(() => child.signalCode === 'SIGKILL', 5000, 'the child to die');

    // The api's own (inline) worker: on SQLite the api hears only its own process's changes.
    const ended: Job[] = [];
    const rescuer = new Worker({
      queue: api,
      workerId: 'rescuer',
      pollMs: 50,
      handlers: { slow: async () => ({ by: 'rescuer' }) },
      onJobEnd: (j) => ended.push(j),
    });
    cleanups.unshift(() => rescuer.stop({ graceMs: 0 }));
    rescuer.start();
    await waitFor(() => ended.length > 0 && succeeded.length > 0, 30_000, 'the job to end on the rescuer');
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({
      id: job.id,
      state: 'succeeded',
      attempts: 2,
      result: { by: 'rescuer' },
    });
    expect(await api.get(job.id)).toMatchObject({
      state: 'succeeded',
      attempts: 2,
      result: { by: 'rescuer' },
    });
    expect(succeeded.map((j) => j.result)).toEqual([{ by: 'rescuer' }]);
  });
});
