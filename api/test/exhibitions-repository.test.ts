import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../src/db/database.ts';
import { ArtifactsRepository } from '../src/repositories/artifacts.repository.ts';
import { CatalogueRepository } from '../src/repositories/catalogue.repository.ts';
import { ExhibitionsRepository, type ExhibitionWrite } from '../src/repositories/exhibitions.repository.ts';
import { syncReference } from '../src/services/reference.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'exhibitions-repo-'));
let db: Db;
let repo: ExhibitionsRepository;
let artifacts: ArtifactsRepository;
let now = 1_000;

beforeEach(() => {
  db?.close();
  db = openDatabase(join(dir, `${Math.random()}.sqlite`));
  syncReference(new CatalogueRepository(db));
  artifacts = new ArtifactsRepository(db);
  repo = new ExhibitionsRepository(db, () => now);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function artifact(slug: string): number {
  return artifacts.create({
    slug,
    accessionNumber: slug.toUpperCase(),
    title: { vi: slug, en: slug },
    story: { vi: '', en: '' },
    category: 'textile',
    material: { vi: '', en: '' },
    region: { vi: '', en: '' },
    featured: false,
    ethnicGroups: ['thai'],
  }).id;
}

function write(items: ExhibitionWrite['items'], overrides: Partial<ExhibitionWrite> = {}): ExhibitionWrite {
  return {
    slug: 'vai',
    title: { vi: 'Vải', en: 'Cloth' },
    intro: { vi: 'Giới thiệu', en: 'Intro' },
    coverArtifactId: null,
    items,
    ...overrides,
  };
}

const text = { vi: 'chữ', en: 'text' };

describe('ExhibitionsRepository on a real SQLite file', () => {
  it('keeps items in the order saved, excerpts to the millisecond, whole films as nulls', () => {
    const [a, b] = [artifact('ao'), artifact('vay')];
    const created = repo.create(
      write([
        { artifactId: b, startSec: 1.25, endSec: 7.5, text },
        { artifactId: a, startSec: null, endSec: null, text: { vi: 'hai', en: 'two' } },
      ]),
    );
    expect(created.status).toBe('draft');
    expect(created.items).toEqual([
      { artifactId: b, artifactSlug: 'vay', startSec: 1.25, endSec: 7.5, text },
      { artifactId: a, artifactSlug: 'ao', startSec: null, endSec: null, text: { vi: 'hai', en: 'two' } },
    ]);
    expect(repo.bySlug('vai')?.id).toBe(created.id);
  });

  it('replaces the whole item list on update (a reorder is a save)', () => {
    const [a, b] = [artifact('ao'), artifact('vay')];
    const e = repo.create(write([{ artifactId: a, startSec: null, endSec: null, text }]));
    now += 10;
    const saved = repo.update(
      e.id,
      write(
        [
          { artifactId: b, startSec: null, endSec: null, text },
          { artifactId: a, startSec: 2, endSec: 4, text },
        ],
        { coverArtifactId: a, slug: 'vai-moi' },
      ),
    );
    expect(saved?.items.map((i) => i.artifactSlug)).toEqual(['vay', 'ao']);
    expect(saved?.coverArtifactId).toBe(a);
    expect(saved?.updatedAt).toBe(now);
    expect(repo.update(999, write([]))).toBeUndefined();
  });

  it('publishes with a first publication time that survives unpublishing', () => {
    const e = repo.create(write([]));
    now = 5_000;
    expect(repo.setStatus(e.id, 'published')?.publishedAt).toBe(5_000);
    now = 6_000;
    repo.setStatus(e.id, 'draft');
    expect(repo.list({ status: 'published' })).toEqual([]);
    expect(repo.setStatus(e.id, 'published')?.publishedAt).toBe(5_000);
    expect(repo.list({ status: 'published' }).map((x) => x.slug)).toEqual(['vai']);
  });

  it('loses an item, and the cover, when its artifact is deleted; deleting an exhibition keeps the artifacts', () => {
    const [a, b] = [artifact('ao'), artifact('vay')];
    const e = repo.create(
      write(
        [
          { artifactId: a, startSec: null, endSec: null, text },
          { artifactId: b, startSec: null, endSec: null, text },
        ],
        { coverArtifactId: a },
      ),
    );
    artifacts.delete(a);
    const after = repo.byId(e.id);
    expect(after?.items.map((i) => i.artifactSlug)).toEqual(['vay']);
    expect(after?.coverArtifactId).toBeNull();
    expect(repo.delete(e.id)).toBe(true);
    expect(repo.delete(e.id)).toBe(false);
    expect(artifacts.byId(b)).toBeDefined();
    expect(db.prepare('SELECT COUNT(*) AS n FROM exhibition_items').get()).toEqual({ n: 0 });
  });

  it('refuses a second exhibition with the same slug', () => {
    repo.create(write([]));
    expect(() => repo.create(write([]))).toThrow(/UNIQUE/);
  });
});
