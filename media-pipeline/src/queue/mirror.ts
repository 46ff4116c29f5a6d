// With the BullMQ engine the api keeps its jobs table as the catalogue's record of each job (the staff list, the
// live progress stream and each video's status read it, joined to what the job works on), copied from the
// engine's events by one consumer: the api. An ended row never goes back to running on a late event.
import type Database from 'better-sqlite3';
import { type Job, type JobRow, toJob } from './schema.ts';

const ENDED = new Set(['succeeded', 'failed', 'cancelled']);

export interface Mirrored {
  job: Job;
  /** The row's state before this copy: 'succeeded' after 'running' means the result is new to the catalogue. */
  previous: Job['state'];
}

/**
 * Copies the engine's view of a job into its row; undefined when there is no such row or nothing to change
 * (an event repeated, or one that arrived after the job ended). One transaction, so two copies of the same
 * completion cannot both see 'running' before: a result is reported as new exactly once.
 */
export function mirrorJob(db: Database.Database, job: Job): Mirrored | undefined {
  return db
    .transaction(() => {
      const row = db.prepare('SELECT * FROM jobs WHERE id = ?').get(job.id) as JobRow | undefined;
      if (!row) return undefined;
      if (ENDED.has(row.state) && !ENDED.has(job.state)) return undefined;
      const before = toJob(row);
      const same =
        before.state === job.state &&
        before.progress === job.progress &&
        before.attempts === job.attempts &&
        before.error === job.error &&
        before.cancelRequested === job.cancelRequested;
      if (same) return undefined;
      const updated = db
        .prepare(
          `UPDATE jobs SET state = @state, attempts = @attempts, progress = @progress, error = @error,
             lease_owner = @leaseOwner, lease_expires_at = @leaseExpiresAt, run_at = @runAt,
             cancel_requested = @cancel, started_at = @startedAt, finished_at = @finishedAt, result = @result,
             updated_at = @now
           WHERE id = @id RETURNING *`,
        )
        .get({
          id: job.id,
          state: job.state,
          attempts: job.attempts,
          progress: job.progress,
          error: job.error,
          leaseOwner: job.leaseOwner,
          leaseExpiresAt: job.leaseExpiresAt,
          runAt: job.runAt,
          cancel: job.cancelRequested ? 1 : 0,
          startedAt: job.startedAt,
          finishedAt: job.finishedAt,
          result: job.result == null ? null : JSON.stringify(job.result),
          now: Date.now(),
        }) as JobRow;
      return { job: toJob(updated), previous: before.state };
    })
    .immediate();
}
