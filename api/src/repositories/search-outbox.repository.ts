import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.ts';

interface OutboxRow {
  id: number;
  artifactId: number;
}

/**
 * The search outbox: every artifact write leaves a row here in its own transaction (artifacts.repository.ts);
 * the search sync reads the rows and deletes them once the engine has accepted the change.
 */
export class SearchOutboxRepository {
  private anyPending?: Statement;

  constructor(private readonly db: Db) {}

  /** Asked on every search, so its statement is prepared once. */
  hasPending(): boolean {
    this.anyPending ??= this.db.prepare('SELECT 1 FROM search_outbox LIMIT 1');
    return this.anyPending.get() !== undefined;
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM search_outbox').get() as { n: number }).n;
  }

  /** The oldest `limit` rows. */
  oldest(limit: number): OutboxRow[] {
    const rows = this.db
      .prepare('SELECT id, artifact_id FROM search_outbox ORDER BY id LIMIT ?')
      .all(limit) as { id: number; artifact_id: number }[];
    return rows.map((r) => ({ id: r.id, artifactId: r.artifact_id }));
  }

  /** The oldest `limit` rows after row `id` (rows up to it were applied but must be kept). */
  after(id: number, limit: number): OutboxRow[] {
    const rows = this.db
      .prepare('SELECT id, artifact_id FROM search_outbox WHERE id > ? ORDER BY id LIMIT ?')
      .all(id, limit) as { id: number; artifact_id: number }[];
    return rows.map((r) => ({ id: r.id, artifactId: r.artifact_id }));
  }

  /**
   * `read` and the newest row id in one transaction: the rows up to `upTo` are covered by what `read` saw
   * (a rebuild reads every published id this way).
   */
  snapshot<T>(read: () => T): { upTo: number; value: T } {
    return this.db.transaction(() => ({
      upTo: (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM search_outbox').get() as { n: number }).n,
      value: read(),
    }))();
  }

  deleteUpTo(id: number): void {
    this.db.prepare('DELETE FROM search_outbox WHERE id <= ?').run(id);
  }

  delete(rowIds: number[]): void {
    const del = this.db.prepare('DELETE FROM search_outbox WHERE id = ?');
    this.db.transaction(() => {
      for (const id of rowIds) del.run(id);
    })();
  }
}
