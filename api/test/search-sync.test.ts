import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../src/search/embedded.ts';
import type { IndexReplacement, SearchDocument, SearchEngine } from '../src/search/engine.ts';
import { SearchDocuments } from '../src/services/search-documents.ts';
import { SearchSync } from '../src/services/search-sync.service.ts';
import { makeTestApp, type TestApp } from './helpers.ts';

/** A persistent engine (as Meilisearch is) that happens to keep its documents in memory. */
class PersistentEngine extends EmbeddedSearchEngine implements SearchEngine {
  override readonly inMemory = false;
  override readonly indexKey = 'persistent (test)';
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
      state: t.app.repos.searchIndexState,
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
        state: t.app.repos.searchIndexState,
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

  it('a change the api applies while `npm run reindex` fills the next index is in the index swapped in', async () => {
    // Two processes, one search server: the api carries the outbox to the live index while the reindex
    // command fills a second one, which replaces it at the end.
    // This test is the api: the app's own (embedded) sync must not take the outbox rows meanwhile.
    await t.app.searchSync.stop();
    const server = { live: new Map<number, SearchDocument>() };
    const api = swappableSync(t.app.repos, server);
    await api.sync.rebuild();
    const target = t.app.repos.artifacts.bySlug('khen-hmong');
    if (!target) throw new Error('fixture khen-hmong missing');
    const reindex = swappableSync(t.app.repos, server, async () => {
      // The reindex has read every document once; then staff take an artifact back to draft and the api
      // carries that change to the live index before the swap.
      t.app.repos.artifacts.setStatus(target.id, 'draft');
      await api.sync.drain();
      expect(server.live.has(target.id)).toBe(false);
    });
    try {
      await reindex.sync.rebuild();
      await reindex.sync.drain();
      expect(server.live.has(target.id)).toBe(false);
      expect(server.live.size).toBe(published());
      // Once the new index is built, the api deletes what it kept.
      await api.sync.drain();
      expect(t.app.searchSync.pending()).toBe(0);
    } finally {
      t.app.repos.artifacts.setStatus(target.id, 'published');
      t.app.repos.searchIndexState.markBuilt(t.app.searchEngine.indexKey);
      await t.app.searchSync.drain();
      t.app.searchSync.start();
    }
  });

  describe('the rebuild marker', () => {
    /** A persistent index holding one document the catalogue does not have (it was left from before). */
    async function staleIndex() {
      const engine = new PersistentEngine();
      const [doc] = await new SearchDocuments(t.app.repos).build(
        t.app.repos.artifacts.publishedIds().slice(0, 1),
      );
      if (!doc) throw new Error('fixture has no published artifact');
      await engine.upsert([{ ...doc, id: 999_999, slug: 'left-from-before' }]);
      const sync = new SearchSync({
        outbox: t.app.repos.searchOutbox,
        state: t.app.repos.searchIndexState,
        documents: new SearchDocuments(t.app.repos),
        engine,
      });
      return { engine, sync };
    }
    const ids = async (engine: PersistentEngine) =>
      (await engine.search({ q: '', lang: 'vi', filters: {}, page: 1, pageSize: 100 })).hits.map((h) => h.id);

    afterAll(() => {
      // The app's own index is the one fed from now on.
      t.app.repos.searchIndexState.markBuilt(t.app.searchEngine.indexKey);
    });

    it('rebuilds a non-empty index the marker does not name (an engine switch, a restore)', async () => {
      t.app.repos.searchIndexState.markBuilt('another index');
      const { engine, sync } = await staleIndex();
      await sync.drain();
      expect(await ids(engine)).not.toContain(999_999);
      expect(await engine.documentCount()).toBe(published());
      expect(t.app.repos.searchIndexState.isBuilt(engine.indexKey)).toBe(true);
    });

    it('rebuilds an index whose last rebuild did not finish', async () => {
      t.app.repos.searchIndexState.markBuilding('persistent (test)');
      const { engine, sync } = await staleIndex();
      await sync.drain();
      expect(await ids(engine)).not.toContain(999_999);
      expect(await engine.documentCount()).toBe(published());
    });

    it('trusts the index the marker names as built: only the outbox is carried', async () => {
      t.app.repos.searchIndexState.markBuilt('persistent (test)');
      const { engine, sync } = await staleIndex();
      await sync.drain();
      expect(await ids(engine)).toEqual([999_999]);
    });
  });
});

/**
 * One search server seen by a process (the api, or `npm run reindex`): a live index and a second one that a
 * rebuild fills and swaps in. `beforeSwap` runs once the rebuild has written its documents, before the swap.
 */
function swappableSync(
  repos: TestApp['app']['repos'],
  server: { live: Map<number, SearchDocument> },
  beforeSwap?: () => Promise<void>,
) {
  const engine: SearchEngine = {
    name: 'meilisearch',
    inMemory: false,
    indexKey: 'swappable (test)',
    init: async () => {},
    upsert: async (docs) => {
      for (const d of docs) server.live.set(d.id, d);
    },
    remove: async (ids) => {
      for (const id of ids) server.live.delete(id);
    },
    clear: async () => server.live.clear(),
    replacement: async (): Promise<IndexReplacement> => {
      const next = new Map<number, SearchDocument>();
      return {
        upsert: async (docs) => {
          for (const d of docs) next.set(d.id, d);
        },
        commit: async () => {
          await beforeSwap?.();
          server.live = next;
        },
      };
    },
    search: async () => {
      throw new Error('not searched in this test');
    },
    documentCount: async () => server.live.size,
    health: async () => true,
    close: async () => {},
  };
  const sync = new SearchSync({
    outbox: repos.searchOutbox,
    state: repos.searchIndexState,
    documents: new SearchDocuments(repos),
    engine,
  });
  return { sync };
}
