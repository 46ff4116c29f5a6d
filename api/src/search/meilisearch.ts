import {
  type EnqueuedTaskPromise,
  type Hit,
  type IndexSwap,
  Meilisearch,
  type MultiSearchParams,
  type SearchParams,
  type SearchResponse,
} from 'meilisearch';
import { matchingCues } from './cue-hits.ts';
import type {
  IndexReplacement,
  SearchDocument,
  SearchEngine,
  SearchHit,
  SearchRequest,
  SearchResponseData,
} from './engine.ts';
import { rebuildIndex, refusePlaceholder, scopedKey } from './meilisearch-key.ts';
import {
  checkVersion,
  DIMENSIONS,
  FACET_FIELD,
  filterExpressions,
  indexSettings,
  type MeiliDocument,
  markup,
  POST,
  PRE,
  preferredFilter,
  toMeiliDocument,
} from './meilisearch-settings.ts';
import { exactKey, keepWord } from './readings.ts';
import { tokenize } from './text.ts';

export interface MeilisearchOptions {
  url: string;
  /** The master key (a key scoped to the index is made with it) or such a scoped key. */
  apiKey?: string;
  index: string;
  /** Per search request: a visitor waits for it (default 3 s). */
  searchTimeoutMs?: number;
  /** Per other request and per awaited task: writes and settings may queue behind others (default 30 s). */
  taskTimeoutMs?: number;
  /** Instead of fetch (unit tests record what is sent): gets fetch's arguments, returns the parsed body. */
  httpClient?: (url: URL | string | Request, init?: RequestInit) => Promise<unknown>;
}

type Strategy = 'all' | 'last';

/** The optional engine: Meilisearch at MEILI_URL, one index holding the published artifacts. */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  readonly inMemory = false;
  private client: Meilisearch;
  private searchClient: Meilisearch;
  private authorized: Promise<void> | undefined;
  readonly indexKey: string;
  private readonly uid: string;

  constructor(private readonly opts: MeilisearchOptions) {
    refusePlaceholder(opts.apiKey);
    this.uid = opts.index;
    this.indexKey = `meilisearch ${opts.url} ${opts.index}`;
    [this.client, this.searchClient] = this.clients(opts.apiKey);
  }

  private clients(apiKey: string | undefined): [Meilisearch, Meilisearch] {
    const { url, httpClient } = this.opts;
    const taskTimeout = this.opts.taskTimeoutMs ?? 30_000;
    const base = { host: url, apiKey: apiKey || undefined, httpClient };
    return [
      new Meilisearch({
        ...base,
        timeout: taskTimeout,
        defaultWaitOptions: { timeout: taskTimeout, interval: 50 },
      }),
      new Meilisearch({ ...base, timeout: this.opts.searchTimeoutMs ?? 3_000 }),
    ];
  }

  private get index() {
    return this.client.index<MeiliDocument>(this.uid);
  }

  /** Once: trades the master key for the scoped key (meilisearch-key.ts) before any other request. */
  private authorize(): Promise<void> {
    this.authorized ??= (async () => {
      if (!this.opts.apiKey) return;
      const key = await scopedKey(this.client, this.uid);
      if (key) [this.client, this.searchClient] = this.clients(key);
    })().catch((err) => {
      this.authorized = undefined;
      throw err;
    });
    return this.authorized;
  }

  /** Waits for a task and turns a failed one into an error naming Meilisearch's reason. */
  private async wait(task: EnqueuedTaskPromise, allowedError?: string): Promise<void> {
    const done = await task.waitTask();
    if (done.status === 'succeeded') return;
    if (allowedError && done.error?.code === allowedError) return;
    throw new Error(
      `Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? ''}`,
    );
  }

  private async prepareIndex(uid: string): Promise<void> {
    await this.wait(this.client.createIndex(uid, { primaryKey: 'id' }), 'index_already_exists');
    await this.wait(this.client.index(uid).updateSettings(indexSettings()));
  }

  async init(): Promise<void> {
    await this.authorize();
    checkVersion((await this.client.getVersion()).pkgVersion);
    await this.prepareIndex(this.uid);
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    await this.authorize();
    if (docs.length)
      await this.wait(this.index.addDocuments(docs.map(toMeiliDocument), { primaryKey: 'id' }));
  }

  async remove(ids: number[]): Promise<void> {
    await this.authorize();
    if (ids.length) await this.wait(this.index.deleteDocuments(ids));
  }

  async clear(): Promise<void> {
    await this.authorize();
    await this.wait(this.index.deleteAllDocuments());
  }

  /** A second index, filled while this one still answers, then swapped in and the old one deleted. */
  async replacement(): Promise<IndexReplacement> {
    await this.authorize();
    const next = rebuildIndex(this.uid);
    // A rebuild that failed halfway left its index: start from nothing.
    await this.wait(this.client.deleteIndex(next), 'index_not_found');
    await this.prepareIndex(next);
    return {
      upsert: async (docs) => {
        if (docs.length)
          await this.wait(
            this.client.index(next).addDocuments(docs.map(toMeiliDocument), { primaryKey: 'id' }),
          );
      },
      commit: async () => {
        // No `rename`: the client's type asks for it, but v1.12.8 refuses fields it does not know.
        const swap = { indexes: [this.uid, next] } as IndexSwap;
        await this.wait(this.client.swapIndexes([swap]));
        await this.wait(this.client.deleteIndex(next));
      },
    };
  }

  async documentCount(): Promise<number> {
    await this.authorize();
    return (await this.index.getStats()).numberOfDocuments;
  }

  /** Ready when the index answers with this key: /health needs no key, so it cannot tell a wrong one. */
  async health(): Promise<boolean> {
    try {
      await this.authorize();
      await this.searchClient.index(this.uid).getStats();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {}

  /**
   * Every word must match, as in the embedded engine ("dan tinh" is not every story saying "dân"); only a
   * query that then finds nothing is asked again, dropping words from the end (Meilisearch's `last`).
   */
  async search(req: SearchRequest): Promise<SearchResponseData> {
    await this.authorize();
    const strict = await this.searchWith(req, 'all');
    if (strict.total > 0 || tokenize(req.q).length < 2) return strict;
    return this.searchWith(req, 'last');
  }

  private async searchWith(req: SearchRequest, strategy: Strategy): Promise<SearchResponseData> {
    const base = this.baseParams(req, strategy);
    const filter = filterExpressions(req.filters);
    // hasCaptions is counted with every filter applied (engine.ts): only the main query asks for it.
    const allFacets = [...Object.values(FACET_FIELD), 'hasCaptions'];
    const preferred = req.q.trim() ? preferredFilter(req.boostEthnicGroup, req.readings) : undefined;
    // Page-based queries: Meilisearch then counts exhaustively (offset/limit would only estimate).
    const paged = { page: req.page, hitsPerPage: req.pageSize };
    // With a preferred bucket, its matches come first (query 2), then the rest (a follow-up query).
    const main: SearchParams = preferred
      ? { ...base, filter, page: 1, hitsPerPage: 1, facets: allFacets }
      : { ...base, filter, ...paged, facets: allFacets };
    const firstQuery: SearchParams[] = preferred
      ? [{ ...base, filter: [...filter, preferred], ...paged }]
      : [];
    // A facet with an active filter is counted without that filter (the others still apply).
    const active = DIMENSIONS.filter((d) => req.filters[d]);
    const facetQueries = active.map((d) => ({
      ...base,
      filter: filterExpressions(req.filters, d),
      limit: 0,
      facets: [FACET_FIELD[d]],
    }));
    const results = await this.multi([main, ...firstQuery, ...facetQueries]);
    const mainResult = results[0] as SearchResponse<MeiliDocument>;
    const facetResults = results.slice(1 + firstQuery.length);

    const facets: SearchResponseData['facets'] = {
      ethnicGroup: {},
      languageFamily: {},
      category: {},
      hasCaptions: mainResult.facetDistribution?.hasCaptions?.true ?? 0,
    };
    for (const d of DIMENSIONS) facets[d] = mainResult.facetDistribution?.[FACET_FIELD[d]] ?? {};
    for (const [i, d] of active.entries())
      facets[d] = facetResults[i]?.facetDistribution?.[FACET_FIELD[d]] ?? {};

    let hits = mainResult.hits;
    if (preferred) {
      const first = results[1] as SearchResponse<MeiliDocument>;
      hits = first.hits;
      if (hits.length < req.pageSize) {
        const offset = (req.page - 1) * req.pageSize;
        const [rest] = await this.multi([
          {
            ...base,
            filter: [...filter, `NOT (${preferred})`],
            offset: Math.max(0, offset - (first.totalHits ?? 0)),
            limit: req.pageSize - hits.length,
          },
        ]);
        hits = [...hits, ...(rest?.hits ?? [])];
      }
    }
    return {
      hits: hits.map((h) => this.toHit(h, req)),
      total: mainResult.totalHits ?? mainResult.estimatedTotalHits ?? 0,
      page: req.page,
      pageSize: req.pageSize,
      facets,
    };
  }

  private baseParams(req: SearchRequest, matchingStrategy: Strategy): SearchParams {
    const q = req.q.trim();
    return {
      q,
      matchingStrategy,
      locales: ['vie', 'eng'],
      sort: q ? undefined : ['publishedAt:desc', 'id:desc'],
      attributesToRetrieve: ['id', 'slug', 'title', 'story', 'exact', 'cues'],
      // Cropped stories are marked only when they are highlighted too. Cue lines are short: whole.
      attributesToHighlight: ['title.vi', 'title.en', 'story.vi', 'story.en', 'cues.text'],
      attributesToCrop: ['story.vi', 'story.en'],
      cropLength: 32,
      cropMarker: '…',
      highlightPreTag: PRE,
      highlightPostTag: POST,
      showMatchesPosition: true,
    };
  }

  private async multi(queries: SearchParams[]): Promise<SearchResponse<MeiliDocument>[]> {
    const params: MultiSearchParams = { queries: queries.map((q) => ({ ...q, indexUid: this.uid })) };
    const { results } = await this.searchClient.multiSearch<MultiSearchParams, MeiliDocument>(params);
    return results;
  }

  private toHit(hit: Hit<MeiliDocument>, req: SearchRequest): SearchHit {
    const other = req.lang === 'vi' ? 'en' : 'vi';
    const formatted = hit._formatted ?? {};
    const positions = (hit._matchesPosition ?? {}) as Record<string, unknown>;
    // Nested fields are reported flattened ("story.vi"); the nested form is accepted too.
    const matched = (field: string) => {
      const [top = '', sub = ''] = field.split('.');
      const nested = positions[top];
      return field in positions || (typeof nested === 'object' && nested !== null && sub in nested);
    };
    // Meilisearch marks every folded match; only the forms meant are kept (readings.ts).
    const exact = new Set(hit.exact ?? []);
    const keep = keepWord(req.readings, (f) => exact.has(exactKey(f)));
    const titleLang = hit.title?.[req.lang] ? req.lang : other;
    const storyLang = matched(`story.${req.lang}`) ? req.lang : matched(`story.${other}`) ? other : null;
    const story = storyLang && req.q.trim() ? markup(formatted.story?.[storyLang], keep) : '';
    // Only cues with a kept mark are shown: how v1.12 reports positions inside arrays of objects matters not.
    const cues = req.q.trim()
      ? matchingCues(hit.cues ?? [], req.lang, (_, i) => markup(formatted.cues?.[i]?.text, keep))
      : [];
    return {
      id: Number(hit.id),
      slug: hit.slug,
      cues,
      titleHtml: markup(formatted.title?.[titleLang] ?? hit.title?.[titleLang], keep),
      // A story whose only matches were look-alikes explains nothing: no excerpt (as the embedded engine).
      snippetHtml: story.includes('<mark>') ? story : '',
    };
  }
}
