import { describe, expect, it } from 'vitest';
import type { SearchRequest } from './engine.ts';
import { MeilisearchEngine, type MeilisearchOptions } from './meilisearch.ts';
import { keyUid } from './meilisearch-key.ts';

// The requests the Meilisearch engine sends, recorded by a fake HTTP client that answers as v1.12.8 does
// (its behaviour against a real server is the contract in test/search-meilisearch.test.ts).

interface Call {
  method: string;
  path: string;
  body: unknown;
  auth: string | null;
}

type Route = (call: Call) => unknown;

/** A fake Meilisearch: every write is a task that succeeds, unless a route answers otherwise. */
function fakeServer(routes: Record<string, Route> = {}) {
  const calls: Call[] = [];
  let task = 0;
  const failed = new Set<number>();
  const httpClient = async (url: URL | string | Request, init?: RequestInit) => {
    const u = new URL(String(url));
    const call: Call = {
      method: init?.method ?? 'GET',
      path: u.pathname,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
      auth: new Headers(init?.headers).get('Authorization'),
    };
    calls.push(call);
    const route = routes[`${call.method} ${call.path}`];
    if (route) {
      const answer = route(call);
      if (answer === 'hang')
        return new Promise((_, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        );
      if (answer === 'failed task') {
        failed.add(++task);
        return { taskUid: task, status: 'enqueued', type: 'indexDeletion', enqueuedAt: '' };
      }
      return answer;
    }
    const done = call.path.match(/^\/tasks\/(\d+)$/);
    if (done) {
      const uid = Number(done[1]);
      return failed.has(uid)
        ? { uid, status: 'failed', type: 'indexDeletion', error: { code: 'index_not_found', message: 'no' } }
        : { uid, status: 'succeeded', type: 'x' };
    }
    if (call.path === '/version') return { pkgVersion: '1.12.8' };
    if (call.method !== 'GET') return { taskUid: ++task, status: 'enqueued', type: 'x', enqueuedAt: '' };
    throw new Error(`fake Meilisearch: no route for ${call.method} ${call.path}`);
  };
  return { calls, httpClient };
}

/** Thrown by the fake as the client would get Meilisearch's error body. */
const apiError = (code: string) => {
  throw Object.assign(new Error(code), { code });
};

const searchResult = (total: number, hits: unknown[] = []) => ({
  hits,
  totalHits: total,
  facetDistribution: {},
});

const request = (q: string, extra: Partial<SearchRequest> = {}): SearchRequest => ({
  q,
  lang: 'vi',
  filters: {},
  page: 1,
  pageSize: 10,
  ...extra,
});

const document = {
  id: 1,
  slug: 'gom-cham',
  title: { vi: 'Gốm Chăm', en: 'Cham pottery' },
  story: { vi: '', en: '' },
  ethnicGroups: ['cham'],
  ethnicGroupNames: ['Chăm', 'cham'],
  languageFamilies: ['nam-dao'],
  category: 'household',
  region: { vi: '', en: '' },
  material: { vi: 'Đất sét', en: 'Clay' },
  hasCaptions: false,
  cues: [],
  publishedAt: 1,
};

/** The engine under test, talking to the fake. */
const engineOn = (server: ReturnType<typeof fakeServer>, opts: Partial<MeilisearchOptions> = {}) =>
  new MeilisearchEngine({ url: 'http://127.0.0.1:7700', index: 'a', httpClient: server.httpClient, ...opts });

const multiQueries = (calls: Call[]) =>
  calls
    .filter((c) => c.path === '/multi-search')
    .map((c) => (c.body as { queries: Record<string, unknown>[] }).queries);

describe('meilisearch engine: what it sends', () => {
  it('requires every word, asking again with `last` only when that finds nothing', async () => {
    let answers = [searchResult(0), searchResult(4)];
    const server = fakeServer({
      'POST /multi-search': (c) => ({
        results: (c.body as { queries: unknown[] }).queries.map(() => answers.shift() ?? searchResult(4)),
      }),
    });
    const engine = engineOn(server);
    const r = await engine.search(request('dan tinh'));
    expect(multiQueries(server.calls).map((qs) => qs[0]?.matchingStrategy)).toEqual(['all', 'last']);
    expect(r.total).toBe(4);

    // Found with every word: no second request. One word: nothing to drop.
    server.calls.length = 0;
    answers = [searchResult(2)];
    await engine.search(request('dan tinh'));
    answers = [searchResult(0)];
    await engine.search(request('zzz'));
    expect(multiQueries(server.calls).map((qs) => qs[0]?.matchingStrategy)).toEqual(['all', 'all']);
  });

  it('asks for the documents holding the meant forms first, then the rest', async () => {
    const server = fakeServer({
      'POST /multi-search': (c) => ({
        results: (c.body as { queries: unknown[] }).queries.map(() => searchResult(1, [])),
      }),
    });
    const engine = engineOn(server);
    await engine.search(request('gom', { readings: [{ term: 'gom', forms: ['gốm'], toned: false }] }));
    const [first, rest] = multiQueries(server.calls);
    expect(first?.[1]?.filter).toEqual(['exact IN ["g_1ed1m"]']);
    expect(rest?.[0]?.filter).toEqual(['NOT (exact IN ["g_1ed1m"])']);
    expect(first?.[0]?.attributesToRetrieve).toContain('exact');
  });

  it('asks for the cue lines and the captions count, and shows only cues where a meant form is marked', async () => {
    const cues = [
      { lang: 'vi', start: 3, end: 5, text: 'Bộ này gồm ba chiếc' },
      { lang: 'vi', start: 42.5, end: 45, text: 'Gốm nung lộ thiên' },
    ];
    const hit = {
      ...document,
      exact: ['g_1ed1m'],
      cues,
      _formatted: {
        title: document.title,
        cues: [
          { ...cues[0], text: 'Bộ này \uE000gồm\uE001 ba chiếc' },
          { ...cues[1], text: '\uE000Gốm\uE001 nung <lộ> thiên' },
        ],
      },
    };
    const server = fakeServer({
      'POST /multi-search': (c) => ({
        results: (c.body as { queries: { filter?: string[] }[] }).queries.map((q) => ({
          ...searchResult(1, q.filter?.some((f) => f.startsWith('NOT')) ? [] : [hit]),
          facetDistribution: { hasCaptions: { true: 7, false: 3 } },
        })),
      }),
    });
    const engine = engineOn(server);
    const r = await engine.search(
      request('gốm', { readings: [{ term: 'gom', forms: ['gốm'], toned: true }] }),
    );
    const [main] = multiQueries(server.calls)[0] ?? [];
    expect(main?.attributesToRetrieve).toContain('cues');
    expect(main?.attributesToHighlight).toContain('cues.text');
    expect(main?.facets).toContain('hasCaptions');
    expect(r.facets.hasCaptions).toBe(7);
    // The cue saying gồm ("consists of") folds like the query but is not what was typed: not shown.
    expect(r.hits[0]?.cues).toEqual([
      { lang: 'vi', start: 42.5, html: '<mark>Gốm</mark> nung &lt;lộ&gt; thiên' },
    ]);
  });

  it('makes a key scoped to its index with the master key, then uses only that key', async () => {
    const server = fakeServer({
      [`GET /keys/${keyUid('artifacts')}`]: () => apiError('api_key_not_found'),
      'POST /keys': (c) => ({ ...(c.body as object), key: 'scoped-secret' }),
      'GET /indexes/artifacts/stats': () => ({ numberOfDocuments: 3 }),
    });
    const engine = engineOn(server, { apiKey: 'master-secret', index: 'artifacts' });
    expect(await engine.documentCount()).toBe(3);
    const created = server.calls.find((c) => c.path === '/keys')?.body as Record<string, unknown>;
    expect(created.uid).toBe(keyUid('artifacts'));
    expect(created.indexes).toEqual(['artifacts', 'artifacts-rebuild']);
    expect(created.actions).toEqual(
      expect.arrayContaining(['search', 'documents.add', 'indexes.swap', 'stats.get']),
    );
    expect(created.actions).not.toContain('*');
    expect(created.actions).not.toContain('keys.create');
    // The master key only reads and makes the key; everything after uses the scoped one.
    const after = server.calls.slice(server.calls.findIndex((c) => c.path === '/keys') + 1);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((c) => c.auth === 'Bearer scoped-secret')).toBe(true);
  });

  it('uses a configured key as it is when it cannot manage keys (already scoped)', async () => {
    const server = fakeServer({
      [`GET /keys/${keyUid('artifacts')}`]: () => apiError('invalid_api_key'),
      'GET /indexes/artifacts/stats': () => ({ numberOfDocuments: 0 }),
    });
    const engine = engineOn(server, { apiKey: 'scoped-already', index: 'artifacts' });
    expect(await engine.documentCount()).toBe(0);
    expect(server.calls.at(-1)?.auth).toBe('Bearer scoped-already');
    expect(server.calls.some((c) => c.method === 'POST' && c.path === '/keys')).toBe(false);
  });

  it('refuses the example key of .env.example, saying what to do', () => {
    expect(
      () =>
        new MeilisearchEngine({ url: 'http://x', apiKey: 'change-me-to-a-long-random-string', index: 'a' }),
    ).toThrow(/example value.*openssl rand/);
  });

  it('is ready only when the index answers with its key (not /health, which needs none)', async () => {
    let stats: () => unknown = () => ({ numberOfDocuments: 1 });
    const server = fakeServer({ 'GET /indexes/a/stats': () => stats() });
    const engine = engineOn(server);
    expect(await engine.health()).toBe(true);
    stats = () => apiError('invalid_api_key');
    expect(await engine.health()).toBe(false);
    expect(server.calls.some((c) => c.path === '/health')).toBe(false);
  });

  it('gives a search its own short timeout', async () => {
    const server = fakeServer({ 'POST /multi-search': () => 'hang' });
    const engine = engineOn(server, { searchTimeoutMs: 25, taskTimeoutMs: 60_000 });
    await expect(engine.search(request('khen'))).rejects.toMatchObject({
      cause: { message: expect.stringContaining('timed out after 25ms') },
    });
  });

  it('rebuilds into a second index, swaps it in and deletes the old one (the live index is never emptied)', async () => {
    // No rebuild index is left from before: deleting it first fails with index_not_found, which is fine.
    let deletes = 0;
    const server = fakeServer({
      'DELETE /indexes/a-rebuild': () =>
        deletes++ === 0 ? 'failed task' : { taskUid: 99, status: 'enqueued' },
    });
    const engine = engineOn(server);
    const next = await engine.replacement();
    await next.upsert([document]);
    await next.commit();
    const writes = server.calls.filter((c) => c.method !== 'GET').map((c) => `${c.method} ${c.path}`);
    expect(writes).toEqual([
      'DELETE /indexes/a-rebuild',
      'POST /indexes',
      'PATCH /indexes/a-rebuild/settings',
      'POST /indexes/a-rebuild/documents',
      'POST /swap-indexes',
      'DELETE /indexes/a-rebuild',
    ]);
    expect(server.calls.find((c) => c.path === '/swap-indexes')?.body).toEqual([
      { indexes: ['a', 'a-rebuild'] },
    ]);
    expect(server.calls.some((c) => c.path === '/indexes/a/documents' && c.method === 'DELETE')).toBe(false);
  });

  it('checks the version before applying settings', async () => {
    const server = fakeServer({ 'GET /version': () => ({ pkgVersion: '1.9.0' }) });
    const engine = engineOn(server);
    await expect(engine.init()).rejects.toThrow(/too old/);
    expect(server.calls.some((c) => c.path.endsWith('/settings'))).toBe(false);
  });
});
