import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';

/**
 * Applies the migrations newer than the database's user_version, each in its own transaction, so a
 * failed migration leaves the database at the previous version.
 */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The database is at schema version ${current}, newer than this app knows (${MIGRATIONS.length}). ` +
        'Upgrade the app, or restore a backup made by this version.',
    );
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version++) {
    const step = MIGRATIONS[version - 1] as (db: Database.Database) => void;
    db.transaction(() => {
      step(db);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return MIGRATIONS.length;
}
