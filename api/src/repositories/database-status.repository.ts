import type { Db } from '../db/database.ts';
import { CAPTIONS_ON_DISK, SOURCES_ON_DISK } from './videos.repository.ts';

export interface DatabaseSummary {
  integrity: unknown;
  schemaVersion: unknown;
  artifacts: number;
  failedJobs: number;
  /** Sources and caption files named on the app's disk, not in a bucket ('s3:' references). */
  filesOnDisk: number;
}

/** What the readiness probe and the doctor ask of the database itself. */
export class DatabaseStatusRepository {
  constructor(private readonly db: Db) {}

  /** Throws when the database cannot answer. */
  ping(): void {
    this.db.prepare('SELECT 1').get();
  }

  summary(): DatabaseSummary {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    return {
      integrity: this.db.pragma('quick_check', { simple: true }),
      schemaVersion: this.db.pragma('user_version', { simple: true }),
      artifacts: count('SELECT COUNT(*) AS n FROM artifacts'),
      failedJobs: count(`SELECT COUNT(*) AS n FROM jobs WHERE state = 'failed'`),
      filesOnDisk:
        count(`SELECT COUNT(*) AS n ${SOURCES_ON_DISK}`) + count(`SELECT COUNT(*) AS n ${CAPTIONS_ON_DISK}`),
    };
  }
}
