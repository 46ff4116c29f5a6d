import type { Db } from '../db/database.ts';

/**
 * Which search index the outbox has been feeding, and whether its last rebuild finished: one row. A
 * persistent index is trusted at start only when this row names it as built; otherwise it is rebuilt from
 * SQLite, whatever it holds: after a switch between engines (the other one consumed the outbox), after a
 * rebuild that failed halfway, and after a restore (ops restore removes the row).
 */
export class SearchIndexStateRepository {
  constructor(private readonly db: Db) {}

  isBuilt(indexKey: string): boolean {
    const row = this.db.prepare('SELECT index_key, state FROM search_index_state WHERE id = 1').get() as
      | { index_key: string; state: string }
      | undefined;
    return row?.index_key === indexKey && row.state === 'built';
  }

  markBuilding(indexKey: string): void {
    this.set(indexKey, 'building');
  }

  markBuilt(indexKey: string): void {
    this.set(indexKey, 'built');
  }

  private set(indexKey: string, state: 'building' | 'built'): void {
    this.db
      .prepare(
        `INSERT INTO search_index_state (id, index_key, state, updated_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET index_key = excluded.index_key, state = excluded.state,
         updated_at = excluded.updated_at`,
      )
      .run(indexKey, state, Date.now());
  }
}
