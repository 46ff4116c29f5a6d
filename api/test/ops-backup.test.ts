import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalStore } from '@artifact-stories/media-pipeline';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { backup } from '../src/repositories/ops/backup.ts';
import { restore } from '../src/repositories/ops/restore.ts';
import { SearchIndexStateRepository } from '../src/repositories/search-index-state.repository.ts';

describe('backup and restore', () => {
  it('copies a live database consistently, then restores it and checks the media against the manifest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-'));
    const dbFile = join(dir, 'catalogue.sqlite');
    const mediaDir = join(dir, 'media');
    mkdirSync(join(mediaDir, 'vid', 'v1'), { recursive: true });
    writeFileSync(join(mediaDir, 'vid', 'v1', 'master.m3u8'), '#EXTM3U\n');
    mkdirSync(join(mediaDir, 'vid', '.tmp-v2'), { recursive: true });
    writeFileSync(join(mediaDir, 'vid', '.tmp-v2', 'half.m4s'), 'x');

    const live = openDatabase(dbFile);
    live
      .prepare(
        `INSERT INTO categories (slug, name_vi, name_en, position) VALUES ('textile', 'Dệt', 'Textile', 1)`,
      )
      .run();
    // A write still in the WAL (not checkpointed) must be in the backup too.
    live.pragma('wal_autocheckpoint = 0');
    live
      .prepare(
        `INSERT INTO categories (slug, name_vi, name_en, position) VALUES ('tool', 'Công cụ', 'Tool', 2)`,
      )
      .run();
    // The search index as it was at backup time: after a restore it must be rebuilt, not trusted.
    new SearchIndexStateRepository(live).markBuilt('meilisearch http://meili artifacts');

    const messages: string[] = [];
    const store = new LocalStore(mediaDir);
    const result = await backup(dbFile, store, join(dir, 'backups'), (m) => messages.push(m));
    expect(result.files).toBe(1); // the hidden temp folder is not catalogue media
    expect(messages.some((m) => m.startsWith('database'))).toBe(true);
    const copy = new Database(result.dbFile, { readonly: true });
    expect((copy.prepare('SELECT COUNT(*) AS n FROM categories').get() as { n: number }).n).toBe(2);
    copy.close();

    live.prepare(`DELETE FROM categories`).run();
    live.close();
    writeFileSync(join(mediaDir, 'vid', 'v1', 'master.m3u8'), '#EXTM3U\n#EXT-X-CHANGED\n');

    const restored = await restore(result.dir, dbFile, store);
    expect(restored.previous).toBe(`${dbFile}.before-restore`);
    expect(restored.changedMedia).toEqual(['vid/v1/master.m3u8']);
    const after = new Database(dbFile, { readonly: true });
    expect((after.prepare('SELECT COUNT(*) AS n FROM categories').get() as { n: number }).n).toBe(2);
    expect(after.prepare('SELECT * FROM search_index_state').all()).toEqual([]);
    after.close();
  });

  it('refuses a folder without a backup, saying what it expected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nobackup-'));
    await expect(restore(dir, join(dir, 'x.sqlite'), new LocalStore(dir))).rejects.toThrow(
      /no catalogue\.sqlite/,
    );
  });
});
