import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { addCaptionKinds, MIGRATIONS } from '../../src/db/migrations.ts';

describe('migration: caption kind and source', () => {
  it('marks existing Vietnamese tracks as human transcriptions and English ones as human translations', () => {
    const db = new Database(join(mkdtempSync(join(tmpdir(), 'caption-kinds-')), 'catalogue.db'));
    const before = MIGRATIONS.indexOf(addCaptionKinds);
    expect(before).toBeGreaterThan(0);
    db.transaction(() => {
      for (const step of MIGRATIONS.slice(0, before)) step(db);
      db.pragma(`user_version = ${before}`);
    })();
    db.pragma('foreign_keys = OFF');
    db.exec(`
      INSERT INTO videos (id, artifact_id, status, created_at, updated_at) VALUES ('v1', 1, 'ready', 1, 1);
      INSERT INTO captions VALUES ('v1', 'vi', 'Tiếng Việt', 'v1/vi.vtt', 1);
      INSERT INTO captions VALUES ('v1', 'en', 'English', 'v1/en.vtt', 1);
    `);
    migrate(db);
    expect(db.prepare('SELECT lang, kind, source FROM captions ORDER BY lang').all()).toEqual([
      { lang: 'en', kind: 'translation', source: 'human' },
      { lang: 'vi', kind: 'transcription', source: 'human' },
    ]);
    expect(() => db.prepare("UPDATE captions SET kind = 'dubbed' WHERE lang = 'vi'").run()).toThrow(
      /CHECK constraint/,
    );
    db.close();
  });
});
