// The one queue interface workers and the contract suite use. Two engines implement it: SQLite (one machine,
// the default: the jobs table in the catalogue's own file) and BullMQ on Redis (a transcode fleet).
import type { JobState } from '@artifact-stories/contracts/states';
import type { Job } from './schema.ts';

export type Heartbeat = 'ok' | 'lost' | 'cancel';

export interface EnqueueOptions {
  maxAttempts?: number;
  /** Not claimed before this time (ms since the epoch). */
  runAt?: number;
  /** The id the api's jobs table gave the job (BullMQ engine: the queue then follows that table's ids). */
  id?: number;
}

export interface JobList {
  items: Job[];
  total: number;
}

/**
 * Every guarantee both engines keep (test/queue-contract.test.ts runs the same cases on each):
 * - a claim leases the job to one worker; heartbeats renew the lease and carry progress;
 * - a lease that runs out (its worker died) lets another worker take the job over, counting an attempt;
 * - a failed attempt goes back to the queue after a back-off until maxAttempts, then the job fails;
 * - cancel stops a queued job at once and tells a running job's worker at its next heartbeat ('cancel');
 * - only the lease holder can end an attempt: a worker that finishes after losing its lease gets
 *   JobLeaseLostError, so a job succeeds (and its result is reported) exactly once.
 */
export interface QueueEngine {
  readonly leaseMs: number;
  enqueue<P>(type: string, payload: P, opts?: EnqueueOptions): Promise<Job<P>>;
  get(id: number): Promise<Job | undefined>;
  /** Newest first. */
  list(filter?: { state?: JobState; limit?: number; offset?: number }): Promise<JobList>;
  /** The next due job of these types for workerId, or one whose lease ran out; undefined when none. */
  claim(workerId: string, types: string[]): Promise<Job | undefined>;
  /** Ends dead workers' jobs that were being cancelled or had used every attempt; returns them. */
  reap(types: string[]): Promise<Job[]>;
  heartbeat(id: number, workerId: string, progress?: number): Promise<Heartbeat>;
  /** The attempt succeeded; result (JSON) is kept on the job for whoever applies it to the catalogue. */
  complete(id: number, workerId: string, result?: unknown): Promise<Job>;
  fail(id: number, workerId: string, error: string, opts?: { permanent?: boolean }): Promise<Job>;
  /** Graceful shutdown: back to the queue at once, the attempt not counted. */
  release(id: number, workerId: string): Promise<Job>;
  markCancelled(id: number, workerId: string): Promise<Job>;
  cancel(id: number): Promise<Job | undefined>;
  /**
   * A failed or cancelled job starts over; with `payload`, on that payload (the api names the job's files as the
   * catalogue names them now: a caption saved again, a source moved into the bucket).
   */
  retry(id: number, payload?: unknown): Promise<Job | undefined>;
  /**
   * Every state and progress change, from any process or machine (BullMQ: through Redis; SQLite: in this
   * process only, other processes poll the table). Returns the unsubscribe function.
   */
  onChange(listener: (job: Job) => void): () => void;
  close(): Promise<void>;
}
