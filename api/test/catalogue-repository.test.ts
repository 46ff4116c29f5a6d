import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { CatalogueRepository } from '../src/repositories/catalogue.repository.ts';

const dir = mkdtempSync(join(tmpdir(), 'catalogue-repo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reference rows on a real SQLite file', () => {
  it('writes a language family and a category, and a correction replaces their names and places', () => {
    const db = openDatabase(join(dir, 'reference.sqlite'));
    try {
      const repo = new CatalogueRepository(db);
      repo.upsertFamily({ slug: 'viet-muong', name: { vi: 'Việt Mường', en: 'Viet Muong' }, position: 2 });
      repo.upsertCategory({ slug: 'textile', name: { vi: 'Dệt', en: 'Textile' }, position: 5 });
      repo.upsertFamily({ slug: 'viet-muong', name: { vi: 'Việt–Mường', en: 'Viet–Muong' }, position: 1 });
      repo.upsertCategory({ slug: 'textile', name: { vi: 'Hàng dệt', en: 'Textiles' }, position: 3 });

      expect(repo.families()).toEqual([
        { slug: 'viet-muong', name: { vi: 'Việt–Mường', en: 'Viet–Muong' }, position: 1 },
      ]);
      expect(repo.categories()).toEqual([
        { slug: 'textile', name: { vi: 'Hàng dệt', en: 'Textiles' }, position: 3 },
      ]);
    } finally {
      db.close();
    }
  });
});
