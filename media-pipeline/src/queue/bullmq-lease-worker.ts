import { Worker as BullWorker } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * The BullMQ worker through which the engine takes jobs of one type by hand (getNextJob): its lock is the
 * job's lease, and its stalled-job check hands a dead worker's job to another once the lease ran out.
 */
export function leaseWorker(type: string, o: { redis: Redis; prefix: string; leaseMs: number }): BullWorker {
  const worker = new BullWorker(type, null, {
    // Options, not a client: BullMQ then owns (and closes) the connections it makes from them.
    connection: { ...o.redis.options },
    prefix: o.prefix,
    autorun: false,
    lockDuration: o.leaseMs,
    // A lease runs out after leaseMs; the check that hands the job over runs this often after that.
    stalledInterval: Math.max(100, Math.floor(o.leaseMs / 2)),
    // Attempts are counted by the engine (claim), not by BullMQ's stall counter.
    maxStalledCount: 1_000_000,
  });
  worker.on('error', () => {}); // connection trouble surfaces on the next call instead
  void worker.startStalledCheckTimer();
  return worker;
}
