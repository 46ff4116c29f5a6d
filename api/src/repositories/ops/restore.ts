import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MediaStore } from '@artifact-stories/media-pipeline';
import Database from 'better-sqlite3';
import type { MediaEntry } from './backup.ts';

export interface RestoreResult {
  previous: string | null;
  missingMedia: string[];
  changedMedia: string[];
}

/**
 * Puts a backup's database in place (the current one is kept beside it as .before-restore) after checking
 * the backup's integrity, then compares the media (folder or bucket) with the backup's manifest. Run it with the app
 * stopped; the search index is rebuilt from the database at the next start (or `npm run reindex`).
 */
/**
 * The restored database names the search index as it was at backup time, while the index went on: the
 * next start must rebuild it (a backup older than the table has nothing to forget).
 */
function forgetSearchIndex(dbFile: string): void {
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    const has = db.prepare(
      `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_index_state'`,
    );
    if (has.get()) db.prepare('DELETE FROM search_index_state').run();
  } finally {
    db.close();
  }
}

export async function restore(backupDir: string, dbFile: string, store: MediaStore): Promise<RestoreResult> {
  const source = join(backupDir, 'catalogue.sqlite');
  if (!existsSync(source))
    throw new Error(`${backupDir} holds no catalogue.sqlite: give the folder a backup made.`);
  const check = new Database(source, { readonly: true, fileMustExist: true });
  const integrity = check.pragma('integrity_check', { simple: true });
  check.close();
  if (integrity !== 'ok')
    throw new Error(`The backup's database is damaged (${String(integrity)}); use another backup.`);

  let previous: string | null = null;
  if (existsSync(dbFile)) {
    previous = `${dbFile}.before-restore`;
    renameSync(dbFile, previous);
    for (const suffix of ['-wal', '-shm']) rmSync(`${dbFile}${suffix}`, { force: true });
  }
  copyFileSync(source, dbFile);
  forgetSearchIndex(dbFile);

  const missingMedia: string[] = [];
  const changedMedia: string[] = [];
  const manifestFile = join(backupDir, 'media-manifest.json');
  if (existsSync(manifestFile)) {
    const { files } = JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: MediaEntry[] };
    for (const entry of files) {
      const now = await store.stat(entry.path);
      if (!now) missingMedia.push(entry.path);
      else if (now.size !== entry.size || (entry.etag && now.etag && now.etag !== entry.etag)) {
        changedMedia.push(entry.path);
      }
    }
  }
  return { previous, missingMedia, changedMedia };
}
