import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';

export interface MediaEntry {
  path: string;
  size: number;
  sha256: string;
}

export interface BackupResult {
  dir: string;
  dbFile: string;
  manifestFile: string;
  files: number;
  bytes: number;
}

function* walk(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // Temp folders of unfinished transcodes are not part of the catalogue.
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

async function mediaManifest(
  mediaDir: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<MediaEntry[]> {
  const files = [...walk(mediaDir)];
  const entries: MediaEntry[] = [];
  for (const [i, file] of files.entries()) {
    entries.push({ path: relative(mediaDir, file), size: statSync(file).size, sha256: await sha256(file) });
    onProgress(i + 1, files.length);
  }
  return entries;
}

/**
 * A consistent copy of the live database (SQLite's online backup: safe while the app writes) and a manifest
 * of the media folder. Media files are immutable once published, so the manifest is what a restore checks
 * against; copy the media folder itself with any file-level tool (rsync, object storage sync).
 */
export async function backup(
  dbFile: string,
  mediaDir: string,
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
  const entries = await mediaManifest(mediaDir, (done, total) => {
    if (done === total || done % 50 === 0) onProgress(`media manifest ${done}/${total}`);
  });
  const manifestFile = join(dir, 'media-manifest.json');
  writeFileSync(
    manifestFile,
    `${JSON.stringify({ createdAt: new Date().toISOString(), files: entries }, null, 1)}\n`,
  );
  return {
    dir,
    dbFile: target,
    manifestFile,
    files: entries.length,
    bytes: entries.reduce((n, e) => n + e.size, 0),
  };
}
