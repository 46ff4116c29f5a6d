import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalStore, type MediaStore } from '@artifact-stories/media-pipeline';
import Database from 'better-sqlite3';

export interface MediaEntry {
  path: string;
  size: number;
  /** A folder's files are hashed here... */
  sha256?: string;
  /** ...a bucket's objects are not downloaded: its own ETag stands for their content. */
  etag?: string;
}

export interface BackupResult {
  dir: string;
  dbFile: string;
  manifestFile: string;
  files: number;
  bytes: number;
  /** What the backup holds and what must be copied beside it, in words for the person running it. */
  covers: string;
}

async function sha256(store: MediaStore, key: string): Promise<string> {
  const hash = createHash('sha256');
  const object = await store.read(key);
  if (!object) throw new Error(`${key} went away during the backup; run it again.`);
  for await (const chunk of object.body) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function mediaManifest(
  store: MediaStore,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<MediaEntry[]> {
  const files = await store.list('');
  const hashed = store instanceof LocalStore;
  const entries: MediaEntry[] = [];
  for (const [i, file] of files.entries()) {
    entries.push({
      path: file.key,
      size: file.size,
      ...(hashed ? { sha256: await sha256(store, file.key) } : file.etag ? { etag: file.etag } : {}),
    });
    onProgress(i + 1, files.length);
  }
  return entries;
}

/**
 * A consistent copy of the live database (SQLite's online backup: safe while the app writes) and a manifest
 * of the media (folder or bucket). Media files are immutable once published, so the manifest is what a restore
 * checks against; copy the media itself with a tool made for it (rsync; rclone or `aws s3 sync` for a bucket).
 */
export async function backup(
  dbFile: string,
  store: MediaStore,
  outRoot: string,
  onProgress: (message: string) => void = () => {},
): Promise<BackupResult> {
  if (!existsSync(dbFile)) throw new Error(`No database at ${dbFile}: check DATA_DIR.`);
  const dir = join(outRoot, new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(dir, { recursive: true });
  const target = join(dir, 'catalogue.sqlite');
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress(
          `database ${Math.round(((totalPages - remainingPages) / Math.max(1, totalPages)) * 100)}%`,
        );
        return 200;
      },
    });
  } finally {
    db.close();
  }
  const entries = await mediaManifest(store, (done, total) => {
    if (done === total || done % 50 === 0) onProgress(`media manifest ${done}/${total}`);
  });
  const manifestFile = join(dir, 'media-manifest.json');
  writeFileSync(
    manifestFile,
    `${JSON.stringify({ createdAt: new Date().toISOString(), store: store.where, files: entries }, null, 1)}\n`,
  );
  const covers =
    store instanceof LocalStore
      ? `the database and a manifest (sizes, SHA-256) of the media ${store.where}; copy that folder and ` +
        'DATA_DIR/uploads with rsync'
      : `the database and a manifest (sizes, ETags) of the media in ${store.where}, not the objects: copy the ` +
        "bucket (media/, sources/ and captions/) with rclone or 'aws s3 sync', or turn on the bucket's versioning or replication";
  return {
    dir,
    dbFile: target,
    manifestFile,
    files: entries.length,
    bytes: entries.reduce((n, e) => n + e.size, 0),
    covers,
  };
}
