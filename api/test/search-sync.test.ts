import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../src/search/embedded.ts';
import type { SearchEngine } from '../src/search/engine.ts';
import { SearchDocuments } from '../src/services/search-documents.ts';
import { SearchSync } from '../src/services/search-sync.service.ts';
import { makeTestApp, type TestApp } from './helpers.ts';

/** A persistent engine (as Meilisearch is) that happens to keep its documents in memory. */
class PersistentEngine extends EmbeddedSearchEngine implements SearchEngine {
  override readonly inMemory = false;
}

// The sync service on its own, against the real fixture database.
describe('search sync', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ catalogue: true });
  });
  afterAll(async () => t.app.close());

  const published = () =>
    (
      t.app.db.prepare(`SELECT COUNT(*) AS n FROM artifacts WHERE status = 'published'`).get() as {
        n: number;
      }
    ).n;

  it('rebuilds an empty persistent index from SQLite even when the outbox is empty', async () => {
    // The app's embedded index consumed the outbox: a newly configured engine would get nothing from it.
    expect(t.app.searchSync.pending()).toBe(0);
    const engine = new PersistentEngine();
    const sync = new SearchSync({
      outbox: t.app.repos.searchOutbox,
      documents: new SearchDocuments(t.app.repos),
      engine,
    });
    await sync.drain();
    expect(await engine.documentCount()).toBe(published());
  });

  it('an offline rebuild of an in-memory engine leaves the outbox to the server', async () => {
    const target = t.app.repos.artifacts.bySlug('khen-hmong');
    if (!target) throw new Error('fixture khen-hmong missing');
    await t.app.searchSync.stop();
    try {
      t.app.repos.artifacts.touch(target.id);
      const before = t.app.searchSync.pending();
      expect(before).toBeGreaterThan(0);
      const engine = new EmbeddedSearchEngine();
      const sync = new SearchSync({
        outbox: t.app.repos.searchOutbox,
        documents: new SearchDocuments(t.app.repos),
        engine,
      });
      const seen: number[] = [];
      expect(await sync.rebuild((done) => seen.push(done), false)).toBe(published());
      expect(seen.at(-1)).toBe(published());
      expect(t.app.searchSync.pending()).toBe(before);
      expect(await t.app.searchSync.drain()).toBe(before);
      expect(t.app.searchSync.pending()).toBe(0);
    } finally {
      t.app.searchSync.start();
    }
  });
});
