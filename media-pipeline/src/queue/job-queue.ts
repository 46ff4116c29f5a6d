import type { JobState } from '@artifact-stories/contracts/states';
import type Database from 'better-sqlite3';
import {
  CANCEL_NOW_SQL,
  CANCEL_REQUEST_SQL,
  CLAIM_SQL,
  checkEnqueue,
  clampProgress,
  DUE,
  defaultBackoffMs,
  EXPIRED,
  FINISH_SQL,
  HEARTBEAT_SQL,
  type Job,
  JobLeaseLostError,
  type JobRow,
  type Outcome,
  QUEUE_RESULT_SQL,
  QUEUE_SCHEMA_SQL,
  REAP_SQL,
  RETRY_SQL,
  toJob,
} from './schema.ts';

export { type Job, JobLeaseLostError, QUEUE_RESULT_SQL, QUEUE_SCHEMA_SQL };

export interface JobQueueOptions {
  /** How long a claim holds a job without a heartbeat; after it another worker may take the job over. */
  leaseMs?: number;
  maxAttempts?: number;
  /** Delay before the next attempt, given the attempt (1-based) that just failed. */
  backoffMs?: (attempt: number) => number;
  now?: () => number;
}

type Listener = (job: Job) => void;

/**
 * A durable job queue in SQLite. Every state change is one short write transaction, so several
 * processes (the api's inline worker, `npm run worker`) can share the database file safely: claims take
 * the write lock first (BEGIN IMMEDIATE), so two workers never get the same job.
 */
export class JobQueue {
  readonly leaseMs: number;
  readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly now: () => number;
  private readonly listeners = new Set<Listener>();
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    private readonly db: Database.Database,
    opts: JobQueueOptions = {},
  ) {
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.maxAttempts = opts.maxAttempts ?? 3;
    this.backoffMs = opts.backoffMs ?? defaultBackoffMs;
    this.now = opts.now ?? Date.now;
    // Workers in other processes hold the write lock briefly; wait for it rather than fail with SQLITE_BUSY.
    if (Number(db.pragma('busy_timeout', { simple: true })) === 0) db.pragma('busy_timeout = 5000');
  }

  enqueue<P>(type: string, payload: P, opts: { maxAttempts?: number; runAt?: number } = {}): Job<P> {
    const maxAttempts = opts.maxAttempts ?? this.maxAttempts;
    checkEnqueue(type, payload, maxAttempts);
    const json = JSON.stringify(payload);
    const now = this.now();
    const row = this.stmt(
      `INSERT INTO jobs (type, payload, max_attempts, run_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
    ).get(type, json, maxAttempts, opts.runAt ?? now, now, now) as JobRow;
    return this.changed(row) as Job<P>;
  }

  get(id: number): Job | undefined {
    const row = this.stmt('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row && toJob(row);
  }

  /** Newest first. */
  list(filter: { state?: JobState; limit?: number; offset?: number } = {}): { items: Job[]; total: number } {
    const limit = Math.max(1, Math.min(1000, Math.floor(filter.limit ?? 50)));
    const offset = Math.max(0, Math.floor(filter.offset ?? 0));
    const state = filter.state ?? null;
    const where = 'WHERE (@state IS NULL OR state = @state)';
    const rows = this.stmt(`SELECT * FROM jobs ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`).all({
      state,
      limit,
      offset,
    }) as JobRow[];
    const { total } = this.stmt(`SELECT count(*) AS total FROM jobs ${where}`).get({ state }) as {
      total: number;
    };
    return { items: rows.map(toJob), total };
  }

  /**
   * Takes the next due job of the given types for workerId: a queued job whose run_at has come, or a
   * running job whose lease ran out because its worker died. Returns undefined when there is none.
   */
  claim(workerId: string, types: string[]): Job | undefined {
    if (types.length === 0) return undefined;
    const now = this.now();
    const typesJson = JSON.stringify(types);
    // Idle polls only read: the write lock is taken only when there is something to take.
    if (!this.stmt(`SELECT 1 FROM jobs WHERE ${DUE} LIMIT 1`).get({ now, types: typesJson }))
      return undefined;
    const { ended, claimed } = this.db
      .transaction(() => {
        const ended = this.reapIn(now, typesJson);
        const candidate = this.stmt(
          `SELECT id, state FROM jobs WHERE ${DUE} ORDER BY run_at, id LIMIT 1`,
        ).get({ now, types: typesJson }) as { id: number; state: JobState } | undefined;
        if (!candidate) return { ended, claimed: undefined };
        const claimed = this.stmt(CLAIM_SQL).get({
          now,
          owner: workerId,
          until: now + this.leaseMs,
          was: candidate.state,
          id: candidate.id,
        }) as JobRow;
        return { ended, claimed };
      })
      .immediate();
    for (const row of ended) this.changed(row);
    return claimed && this.changed(claimed);
  }

  /**
   * Ends the jobs of dead workers (lease run out) that were being cancelled or had used every attempt,
   * instead of running them again (a clip that kills its worker must not loop forever). claim() does this
   * too; a worker calls it first to learn which jobs ended this way and report them.
   */
  reap(types: string[]): Job[] {
    const now = this.now();
    const typesJson = JSON.stringify(types);
    if (!this.stmt(`SELECT 1 FROM jobs WHERE ${EXPIRED} LIMIT 1`).get({ now, types: typesJson })) return [];
    const rows = this.db.transaction(() => this.reapIn(now, typesJson)).immediate();
    return rows.map((row) => this.changed(row));
  }

  private reapIn(now: number, typesJson: string): JobRow[] {
    return this.stmt(REAP_SQL).all({ now, types: typesJson }) as JobRow[];
  }

  /** Extends the lease. 'lost': another worker owns the job now (or it ended); 'cancel': stop and markCancelled. */
  heartbeat(id: number, workerId: string, progress?: number): 'ok' | 'lost' | 'cancel' {
    const now = this.now();
    const pct = progress === undefined ? null : clampProgress(progress);
    const row = this.stmt(HEARTBEAT_SQL).get(
      now + this.leaseMs,
      pct,
      pct === null ? null : now,
      id,
      workerId,
    ) as JobRow | undefined;
    if (!row) return 'lost';
    if (pct !== null) this.changed(row);
    return row.cancel_requested === 1 ? 'cancel' : 'ok';
  }

  complete(id: number, workerId: string, result?: unknown): Job {
    const json = result === undefined ? null : JSON.stringify(result);
    return this.finishOwned(id, workerId, () => ({
      state: 'succeeded',
      progress: 100,
      error: null,
      result: json,
    }));
  }

  /**
   * Ends a failed attempt: back to the queue after a back-off while attempts remain, else 'failed'.
   * A permanent error (input that can never work) fails at once; a job being cancelled is not retried.
   */
  fail(id: number, workerId: string, error: string, opts: { permanent?: boolean } = {}): Job {
    return this.finishOwned(id, workerId, (row, now) => {
      if (row.cancel_requested === 1) return { state: 'cancelled', error };
      if (opts.permanent || row.attempts >= row.max_attempts) return { state: 'failed', error };
      return { state: 'queued', error, progress: 0, runAt: now + Math.max(0, this.backoffMs(row.attempts)) };
    });
  }

  /** Graceful shutdown: the job goes back to the queue at once and this attempt is not counted. */
  release(id: number, workerId: string): Job {
    return this.finishOwned(id, workerId, (row, now) =>
      row.cancel_requested === 1
        ? { state: 'cancelled' }
        : { state: 'queued', progress: 0, runAt: now, attempts: Math.max(0, row.attempts - 1) },
    );
  }

  /** The worker stopped a job whose cancellation was requested. */
  markCancelled(id: number, workerId: string): Job {
    return this.finishOwned(id, workerId, () => ({ state: 'cancelled' }));
  }

  /**
   * Queued: cancelled at once. Running: cancel_requested, and its worker aborts it at the next heartbeat
   * (or at once if its lease already ran out: nobody is running it). Ended jobs are returned unchanged.
   */
  cancel(id: number): Job | undefined {
    const row = this.db
      .transaction(() => {
        const now = this.now();
        const job = this.stmt('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
        if (!job) return undefined;
        const idle =
          job.state === 'queued' || (job.state === 'running' && (job.lease_expires_at ?? 0) <= now);
        if (idle) {
          return this.stmt(CANCEL_NOW_SQL).get({ now, id }) as JobRow;
        }
        if (job.state === 'running' && job.cancel_requested === 0) {
          return this.stmt(CANCEL_REQUEST_SQL).get({ now, id }) as JobRow;
        }
        return { ...job, unchanged: true };
      })
      .immediate();
    if (!row) return undefined;
    return 'unchanged' in row ? toJob(row) : this.changed(row);
  }

  /**
   * A failed or cancelled job starts over: queued now, attempts reset, error cleared. Returns undefined
   * if there is no such job; a job in another state is returned unchanged.
   */
  retry(id: number, payload?: unknown): Job | undefined {
    const now = this.now();
    const json = payload === undefined ? null : JSON.stringify(payload);
    const row = this.stmt(RETRY_SQL).get({ now, id, payload: json ?? null }) as JobRow | undefined;
    return row ? this.changed(row) : this.get(id);
  }

  /**
   * Jobs changed (state or progress) after sinceMs, oldest change first: how another process (the api
   * when the worker runs apart) follows changes that onChange() cannot tell it about. Poll with a little
   * overlap (the same millisecond can hold several changes); a repeated job is harmless.
   */
  changedSince(sinceMs: number, limit = 100): Job[] {
    const rows = this.stmt('SELECT * FROM jobs WHERE updated_at > ? ORDER BY updated_at, id LIMIT ?').all(
      sinceMs,
      limit,
    ) as JobRow[];
    return rows.map(toJob);
  }

  /** In-process notifications of every state and progress change; returns the unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private finishOwned(id: number, workerId: string, decide: (row: JobRow, now: number) => Outcome): Job {
    const row = this.db
      .transaction(() => {
        const now = this.now();
        const job = this.stmt(
          `SELECT * FROM jobs WHERE id = ? AND state = 'running' AND lease_owner = ?`,
        ).get(id, workerId) as JobRow | undefined;
        if (!job) throw new JobLeaseLostError(id, workerId);
        const out = decide(job, now);
        const ended = out.state !== 'queued';
        return this.stmt(FINISH_SQL).get(
          out.state,
          out.error === undefined ? job.error : out.error,
          out.progress ?? job.progress,
          out.runAt ?? job.run_at,
          out.attempts ?? job.attempts,
          out.result === undefined ? (job.result ?? null) : out.result,
          now,
          ended ? now : null,
          id,
        ) as JobRow;
      })
      .immediate();
    return this.changed(row);
  }

  private changed(row: JobRow): Job {
    const job = toJob(row);
    for (const listener of this.listeners) {
      try {
        listener(job);
      } catch (err) {
        // The change is committed already; a faulty listener must not make it look failed.
        process.emitWarning(`JobQueue onChange listener threw: ${(err as Error)?.message ?? err}`);
      }
    }
    return job;
  }

  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
