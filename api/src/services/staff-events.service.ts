import type { JobView } from '@artifact-stories/contracts/schemas';

/**
 * Turns "jobs changed since t" polls into a stream of job changes, each sent once. Polling the table (rather
 * than listening in process) also sees a worker running in another process. A write stamped just before a
 * poll may commit just after it, so every poll looks back a little and drops what it already sent.
 */
export class JobChangeFeed {
  private since: number;
  /** Job id → the change last sent for it, for jobs inside the look-back window. */
  private readonly sent = new Map<number, string>();

  constructor(
    private readonly changedSince: (since: number) => JobView[],
    private readonly options: { lookBackMs?: number; now?: () => number } = {},
  ) {
    this.since = this.now();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** The jobs that changed since the last poll (oldest change first). */
  poll(): JobView[] {
    const lookBack = this.options.lookBackMs ?? 5_000;
    const rows = this.changedSince(this.since - lookBack);
    const fresh: JobView[] = [];
    for (const job of rows) {
      const key = `${job.updatedAt}|${job.state}|${job.progress}|${job.attempts}|${job.error ?? ''}`;
      if (this.sent.get(job.id) === key) continue;
      this.sent.set(job.id, key);
      fresh.push(job);
    }
    this.since = rows.reduce((max, j) => Math.max(max, Date.parse(j.updatedAt)), this.since);
    for (const [id, key] of this.sent) {
      if (Date.parse(key.slice(0, key.indexOf('|'))) < this.since - lookBack) this.sent.delete(id);
    }
    return fresh;
  }
}
