// The jobs table and its row mapping. The api runs QUEUE_SCHEMA_SQL once as a migration in its own
// database file, so the queue shares the catalogue's WAL and its backups. Times are integer ms.

import type { JobState } from '@artifact-stories/contracts/states';

export interface Job<P = unknown> {
  id: number;
  type: string;
  payload: P;
  state: JobState;
  /** Attempts started so far (a claim counts one; a graceful release gives it back). */
  attempts: number;
  maxAttempts: number;
  /** 0–100. */
  progress: number;
  /** Human-readable: why the last attempt failed. */
  error: string | null;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  /** A queued job is not claimed before this time (back-off after a failure). */
  runAt: number;
  cancelRequested: boolean;
  createdAt: number;
  updatedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** What the successful attempt made (JSON), for the one consumer that applies it to the catalogue. */
  result: unknown;
}

export const QUEUE_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS jobs (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (length(type) > 0),
  payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload)),
  state TEXT NOT NULL DEFAULT 'queued'
    CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  error TEXT,
  lease_owner TEXT,
  lease_expires_at INTEGER,
  run_at INTEGER NOT NULL,
  cancel_requested INTEGER NOT NULL DEFAULT 0 CHECK (cancel_requested IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  started_at INTEGER,
  finished_at INTEGER
);
-- Claiming looks only at due queued jobs and at running jobs whose lease ran out: two small partial indexes.
CREATE INDEX IF NOT EXISTS jobs_due ON jobs (run_at, id) WHERE state = 'queued';
CREATE INDEX IF NOT EXISTS jobs_leased ON jobs (lease_expires_at) WHERE state = 'running';
CREATE INDEX IF NOT EXISTS jobs_state ON jobs (state, id);
CREATE INDEX IF NOT EXISTS jobs_updated ON jobs (updated_at);
`;

/** A later migration: the successful attempt's result travels with the job (see QueueEngine.complete). */
export const QUEUE_RESULT_SQL =
  'ALTER TABLE jobs ADD COLUMN result TEXT CHECK (result IS NULL OR json_valid(result))';

export interface JobRow {
  id: number;
  type: string;
  payload: string;
  state: JobState;
  attempts: number;
  max_attempts: number;
  progress: number;
  error: string | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
  run_at: number;
  cancel_requested: number;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  finished_at: number | null;
  /** Added by QUEUE_RESULT_SQL; absent in a table made only by QUEUE_SCHEMA_SQL. */
  result?: string | null;
}

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    type: row.type,
    payload: JSON.parse(row.payload) as unknown,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    progress: row.progress,
    error: row.error,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    runAt: row.run_at,
    cancelRequested: row.cancel_requested === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    result: row.result == null ? null : (JSON.parse(row.result) as unknown),
  };
}

/** A job a worker for @types may take at @now: queued and due, or running with its lease run out. */
export const DUE = `type IN (SELECT value FROM json_each(@types))
  AND ((state = 'queued' AND run_at <= @now) OR (state = 'running' AND lease_expires_at <= @now))`;
export const EXPIRED = `type IN (SELECT value FROM json_each(@types)) AND state = 'running' AND lease_expires_at <= @now`;

/** Ends dead workers' jobs that were being cancelled or had used every attempt. */
export const REAP_SQL = `UPDATE jobs SET
     state = CASE WHEN cancel_requested = 1 THEN 'cancelled' ELSE 'failed' END,
     error = CASE WHEN cancel_requested = 1 THEN error ELSE
       'The worker stopped responding during attempt ' || attempts || ' of ' || max_attempts ||
       ' (it may have crashed or run out of memory), so the job was given up. ' ||
       'Check the worker log, then retry the job.' END,
     lease_owner = NULL, lease_expires_at = NULL, finished_at = @now, updated_at = @now
   WHERE ${EXPIRED} AND (cancel_requested = 1 OR attempts >= max_attempts)
   RETURNING *`;

/** 10 s × 2^(attempt−1), at most 5 min. */
export function defaultBackoffMs(attempt: number): number {
  return Math.min(5 * 60_000, 10_000 * 2 ** Math.max(0, attempt - 1));
}

/** complete/fail/release/markCancelled by a worker that no longer holds the job's lease. */
export class JobLeaseLostError extends Error {
  constructor(id: number, workerId: string) {
    super(
      `Job ${id} is no longer held by worker ${workerId}: its lease expired and another worker took it over, ` +
        'or it already ended. The result of this attempt was discarded.',
    );
    this.name = 'JobLeaseLostError';
  }
}

/** What both engines refuse at enqueue, with the same words: a job nobody could run or store. */
export function checkEnqueue(type: string, payload: unknown, maxAttempts: number): void {
  if (typeof type !== 'string' || type.trim() === '')
    throw new TypeError('Job type must be a non-empty string');
  if (JSON.stringify(payload) === undefined)
    throw new TypeError(`Job payload for '${type}' cannot be stored as JSON`);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new RangeError(`maxAttempts must be a whole number of at least 1, got ${maxAttempts}`);
  }
}

/** A worker's progress as both engines keep it: a whole percent, 0–100. */
export function clampProgress(percent: number): number {
  return Number.isFinite(percent) ? Math.max(0, Math.min(100, Math.round(percent))) : 0;
}

// The statements of an attempt's moves in the SQLite queue (job-queue.ts decides when each runs).
export const CLAIM_SQL = `UPDATE jobs SET state = 'running', attempts = attempts + 1, progress = 0,
    error = CASE WHEN @was = 'running'
      THEN 'Attempt ' || attempts || ' stopped: its worker stopped responding (lease expired).'
      ELSE error END,
    lease_owner = @owner, lease_expires_at = @until, started_at = @now, finished_at = NULL,
    updated_at = @now
  WHERE id = @id RETURNING *`;

export const FINISH_SQL = `UPDATE jobs SET state = ?, error = ?, progress = ?, run_at = ?, attempts = ?, result = ?,
    lease_owner = NULL, lease_expires_at = NULL, updated_at = ?, finished_at = ?
  WHERE id = ? RETURNING *`;

export const RETRY_SQL = `UPDATE jobs SET state = 'queued', attempts = 0, progress = 0, error = NULL, cancel_requested = 0,
    result = NULL, lease_owner = NULL, lease_expires_at = NULL, run_at = @now, started_at = NULL, finished_at = NULL,
    updated_at = @now, payload = coalesce(@payload, payload)
  WHERE id = @id AND state IN ('failed', 'cancelled') RETURNING *`;

/** A job nobody runs (queued, or its worker's lease ran out) is cancelled at once... */
export const CANCEL_NOW_SQL = `UPDATE jobs SET state = 'cancelled', cancel_requested = 1, lease_owner = NULL,
    lease_expires_at = NULL, finished_at = @now, updated_at = @now WHERE id = @id RETURNING *`;

/** ...a running one is asked to stop: its worker sees it at the next heartbeat. */
export const CANCEL_REQUEST_SQL =
  'UPDATE jobs SET cancel_requested = 1, updated_at = @now WHERE id = @id RETURNING *';

/** Renews a lease. updated_at moves only with the progress: changedSince() should not report every renewal. */
export const HEARTBEAT_SQL = `UPDATE jobs SET lease_expires_at = ?, progress = coalesce(?, progress),
    updated_at = coalesce(?, updated_at)
  WHERE id = ? AND state = 'running' AND lease_owner = ? RETURNING *`;

/** How a running job leaves 'running'; fields left out keep their value. */
export interface Outcome {
  state: JobState;
  error?: string | null;
  progress?: number;
  runAt?: number;
  attempts?: number;
  /** JSON text; null clears it. */
  result?: string | null;
}
