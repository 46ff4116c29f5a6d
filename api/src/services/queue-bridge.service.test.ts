import type { Job, QueueEngine } from '@artifact-stories/media-pipeline';
import { describe, expect, it } from 'vitest';
import { QueueBridge } from './queue-bridge.service.ts';

const job = (over: Partial<Job>): Job => ({
  id: 1,
  type: 'transcode',
  payload: { videoId: 'v1' },
  state: 'queued',
  attempts: 0,
  maxAttempts: 3,
  progress: 0,
  error: null,
  leaseOwner: null,
  leaseExpiresAt: null,
  runAt: 0,
  cancelRequested: false,
  createdAt: 0,
  updatedAt: 0,
  startedAt: null,
  finishedAt: null,
  result: null,
  ...over,
});

/** A ledger, an engine and a mirror that record what the bridge asks of them. */
function fakes(opts: { rows?: Job[]; inEngine?: Job[] } = {}) {
  const calls: string[] = [];
  let fromEngine: (j: Job) => void = () => {};
  let fromLedger: (j: Job) => void = () => {};
  const engineJobs = new Map((opts.inEngine ?? []).map((j) => [j.id, j]));
  const mirrored = new Map<number, Job['state']>();
  const ended: Job[] = [];
  const started: Job[] = [];
  const engine = {
    onChange: (l: (j: Job) => void) => {
      fromEngine = l;
      return () => {};
    },
    get: async (id: number) => engineJobs.get(id),
    enqueue: async (_type: string, payload: unknown, o: { id: number }) => {
      calls.push(`enqueue ${o.id} ${JSON.stringify(payload)}`);
    },
    cancel: async (id: number) => {
      calls.push(`cancel ${id}`);
    },
    retry: async (id: number, payload: unknown) => {
      calls.push(`retry ${id} ${JSON.stringify(payload)}`);
    },
  } as unknown as QueueEngine;
  const bridge = new QueueBridge({
    ledger: {
      onChange: (l) => {
        fromLedger = l;
        return () => true;
      },
      list: ({ state } = {}) => {
        const items = (opts.rows ?? []).filter((r) => r.state === state);
        return { items, total: items.length };
      },
    },
    engine,
    // As mirrorJob: an ended row stays ended; the transition is reported once. Writing it is a ledger change.
    mirror: (j) => {
      const previous = mirrored.get(j.id) ?? 'running';
      if (previous === j.state || (previous !== 'running' && previous !== 'queued')) return undefined;
      mirrored.set(j.id, j.state);
      fromLedger(j);
      return { job: j, previous };
    },
    payloadFor: (j) => ({ ...(j.payload as object), fresh: true }),
    onJobStart: (j) => started.push(j),
    onJobEnd: (j) => ended.push(j),
    log: () => {},
  });
  return {
    bridge,
    calls,
    started,
    ended,
    fromEngine: (j: Job) => fromEngine(j),
    fromLedger: (j: Job) => fromLedger(j),
  };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('QueueBridge', () => {
  it('applies a completion once however often its event arrives, and never echoes it back to the engine', async () => {
    const f = fakes();
    await f.bridge.start();
    const done = job({ state: 'succeeded', attempts: 2, result: { version: 'v2' } });
    f.fromEngine(job({ id: 9, state: 'queued' })); // copied into the ledger: must not go back as a new job
    f.fromEngine(job({ state: 'running', attempts: 2, progress: 40 }));
    f.fromEngine(done);
    f.fromEngine(done);
    f.fromEngine(job({ state: 'running', attempts: 2, progress: 90 })); // a late progress event
    await settle();
    expect(f.ended).toEqual([done]);
    expect(f.calls).toEqual([]);
  });

  it('sends staff’s enqueue, cancel and retry to the engine under the ledger’s ids', async () => {
    const f = fakes({ inEngine: [job({ id: 3, state: 'failed' })] });
    await f.bridge.start();
    f.fromLedger(job({ id: 2 }));
    f.fromLedger(job({ id: 4, state: 'running', cancelRequested: true }));
    f.fromLedger(job({ id: 3 })); // a failed job staff retried: queued again, attempts 0
    await settle();
    // Both carry a payload built again (files as the catalogue names them now); a retry does not run Redis's old one.
    const fresh = '{"videoId":"v1","fresh":true}';
    expect(f.calls.sort()).toEqual(['cancel 4', `enqueue 2 ${fresh}`, `retry 3 ${fresh}`]);
  });

  it('at start sends unfinished rows Redis lacks, and catches up on the ones it has', async () => {
    const f = fakes({
      rows: [job({ id: 5 }), job({ id: 6, state: 'running', attempts: 1 })],
      inEngine: [job({ id: 6, state: 'succeeded', attempts: 1, result: { version: 'v1' } })],
    });
    await f.bridge.start();
    expect(f.calls).toEqual(['enqueue 5 {"videoId":"v1","fresh":true}']);
    expect(f.ended.map((j) => [j.id, j.state])).toEqual([[6, 'succeeded']]);
  });
});
