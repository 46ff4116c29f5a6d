import type { EnqueueOptions, QueueEngine } from './engine.ts';
import type { JobQueue } from './job-queue.ts';
import type { Job } from './schema.ts';

/**
 * The SQLite queue behind the async QueueEngine interface: one machine, the jobs table in the catalogue's own
 * file, so enqueueing is part of the catalogue's transaction and backups hold both. The api's services keep
 * the synchronous JobQueue for that reason; workers take this.
 */
export class SqliteQueueEngine implements QueueEngine {
  constructor(readonly jobs: JobQueue) {}

  get leaseMs(): number {
    return this.jobs.leaseMs;
  }

  async enqueue<P>(type: string, payload: P, opts: EnqueueOptions = {}): Promise<Job<P>> {
    // The table is the api's own: it gives the ids.
    if (opts.id !== undefined) throw new TypeError('The SQLite queue gives job ids itself');
    return this.jobs.enqueue(type, payload, opts);
  }
  async get(id: number) {
    return this.jobs.get(id);
  }
  async list(filter?: Parameters<JobQueue['list']>[0]) {
    return this.jobs.list(filter);
  }
  async claim(workerId: string, types: string[]) {
    return this.jobs.claim(workerId, types);
  }
  async reap(types: string[]) {
    return this.jobs.reap(types);
  }
  async heartbeat(id: number, workerId: string, progress?: number) {
    return this.jobs.heartbeat(id, workerId, progress);
  }
  async complete(id: number, workerId: string, result?: unknown) {
    return this.jobs.complete(id, workerId, result);
  }
  async fail(id: number, workerId: string, error: string, opts?: { permanent?: boolean }) {
    return this.jobs.fail(id, workerId, error, opts);
  }
  async release(id: number, workerId: string) {
    return this.jobs.release(id, workerId);
  }
  async markCancelled(id: number, workerId: string) {
    return this.jobs.markCancelled(id, workerId);
  }
  async cancel(id: number) {
    return this.jobs.cancel(id);
  }
  async retry(id: number, payload?: unknown) {
    return this.jobs.retry(id, payload);
  }
  onChange(listener: (job: Job) => void): () => void {
    return this.jobs.onChange(listener);
  }
  /** The database belongs to whoever opened it (the api's container): nothing to close here. */
  async close(): Promise<void> {}
}
