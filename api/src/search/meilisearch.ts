import {
  type EnqueuedTaskPromise,
  type Hit,
  Meilisearch,
  type MultiSearchParams,
  type SearchParams,
  type SearchResponse,
  type Settings,
} from 'meilisearch';
import type {
  SearchDocument,
  SearchEngine,
  SearchFilters,
  SearchHit,
  SearchRequest,
  SearchResponseData,
  SynonymSets,
} from './engine.ts';
import { escapeHtml } from './text.ts';

/** Placeholder highlight tags (private-use characters, stripped from documents): escaped text keeps them. */
const PRE = '\uE000';
const POST = '\uE001';

type Dimension = 'ethnicGroup' | 'languageFamily' | 'category';
const FACET_FIELD: Record<Dimension, string> = {
  ethnicGroup: 'ethnicGroups',
  languageFamily: 'languageFamilies',
  category: 'category',
};
const DIMENSIONS = Object.keys(FACET_FIELD) as Dimension[];

export interface MeilisearchOptions {
  url: string;
  apiKey?: string;
  index: string;
  /** Per request and per awaited task. */
  timeoutMs?: number;
}

/** Settings applied at every start (idempotent); the order of searchableAttributes ranks title above story. */
export function indexSettings(synonyms: SynonymSets): Settings {
  const map: Record<string, string[]> = {};
  for (const set of synonyms) {
    for (const term of set)
      map[term] = [...new Set([...(map[term] ?? []), ...set.filter((t) => t !== term)])];
  }
  return {
    searchableAttributes: [
      'title.vi',
      'title.en',
      'ethnicGroupNames',
      'material.vi',
      'material.en',
      'region.vi',
      'region.en',
      'story.vi',
      'story.en',
    ],
    filterableAttributes: [
      'ethnicGroups',
      'languageFamilies',
      'category',
      'region.vi',
      'region.en',
      'hasCaptions',
    ],
    sortableAttributes: ['publishedAt', 'id'],
    // "attribute" before "sort" and "exactness": which field matched decides before anything but typos.
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    synonyms: map,
    localizedAttributes: [
      { attributePatterns: ['*.vi'], locales: ['vie'] },
      { attributePatterns: ['*.en'], locales: ['eng'] },
    ],
    pagination: { maxTotalHits: 50_000 },
    faceting: { maxValuesPerFacet: 200 },
  };
}

/** A Meilisearch filter value in double quotes. */
function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Filter expressions (ANDed), leaving out one dimension when counting its facet. */
export function filterExpressions(f: SearchFilters, except?: Dimension): string[] {
  const out: string[] = [];
  for (const d of DIMENSIONS) {
    const value = f[d];
    if (value && d !== except) out.push(`${FACET_FIELD[d]} = ${quote(value)}`);
  }
  if (f.region) out.push(`(region.vi = ${quote(f.region)} OR region.en = ${quote(f.region)})`);
  if (f.hasCaptions !== undefined) out.push(`hasCaptions = ${f.hasCaptions}`);
  return out;
}

/** Escaped text with the placeholder tags turned into <mark>. */
export function markup(text: string | undefined): string {
  return escapeHtml(text ?? '')
    .replaceAll(PRE, '<mark>')
    .replaceAll(POST, '</mark>');
}

/** The optional engine: Meilisearch at MEILI_URL, one index holding the published artifacts. */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  readonly inMemory = false;
  private readonly client: Meilisearch;
  private readonly uid: string;
  private readonly timeoutMs: number;

  constructor(opts: MeilisearchOptions) {
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    this.client = new Meilisearch({
      host: opts.url,
      apiKey: opts.apiKey || undefined,
      timeout: this.timeoutMs,
      defaultWaitOptions: { timeout: this.timeoutMs, interval: 50 },
    });
    this.uid = opts.index;
  }

  private get index() {
    return this.client.index<SearchDocument>(this.uid);
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

  async init(synonyms: SynonymSets): Promise<void> {
    await this.wait(this.client.createIndex(this.uid, { primaryKey: 'id' }), 'index_already_exists');
    await this.wait(this.index.updateSettings(indexSettings(synonyms)));
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    if (docs.length) await this.wait(this.index.addDocuments(docs, { primaryKey: 'id' }));
  }

  async remove(ids: number[]): Promise<void> {
    if (ids.length) await this.wait(this.index.deleteDocuments(ids));
  }

  async clear(): Promise<void> {
    await this.wait(this.index.deleteAllDocuments());
  }

  async documentCount(): Promise<number> {
    return (await this.index.getStats()).numberOfDocuments;
  }

  async health(): Promise<boolean> {
    return this.client.isHealthy();
  }

  async close(): Promise<void> {}

  async search(req: SearchRequest): Promise<SearchResponseData> {
    const base = this.baseParams(req);
    const filter = filterExpressions(req.filters);
    const allFacets = Object.values(FACET_FIELD);
    const boost = req.boostEthnicGroup;
    // Page-based queries: Meilisearch then counts exhaustively (offset/limit would only estimate).
    const paged = { page: req.page, hitsPerPage: req.pageSize };
    // With a boost, the group's matches come first (query 2), then the rest (a follow-up query).
    const main: SearchParams = boost
      ? { ...base, filter, page: 1, hitsPerPage: 1, facets: allFacets }
      : { ...base, filter, ...paged, facets: allFacets };
    const inGroup = boost ? `ethnicGroups = ${quote(boost)}` : '';
    const groupQuery: SearchParams[] = boost ? [{ ...base, filter: [...filter, inGroup], ...paged }] : [];
    // A facet with an active filter is counted without that filter (the others still apply).
    const active = DIMENSIONS.filter((d) => req.filters[d]);
    const facetQueries = active.map((d) => ({
      ...base,
      filter: filterExpressions(req.filters, d),
      limit: 0,
      facets: [FACET_FIELD[d]],
    }));
    const results = await this.multi([main, ...groupQuery, ...facetQueries]);
    const mainResult = results[0] as SearchResponse<SearchDocument>;
    const facetResults = results.slice(1 + groupQuery.length);

    const facets: SearchResponseData['facets'] = { ethnicGroup: {}, languageFamily: {}, category: {} };
    for (const d of DIMENSIONS) facets[d] = mainResult.facetDistribution?.[FACET_FIELD[d]] ?? {};
    for (const [i, d] of active.entries())
      facets[d] = facetResults[i]?.facetDistribution?.[FACET_FIELD[d]] ?? {};

    let hits = mainResult.hits;
    if (boost) {
      const group = results[1] as SearchResponse<SearchDocument>;
      hits = group.hits;
      if (hits.length < req.pageSize) {
        const offset = (req.page - 1) * req.pageSize;
        const [rest] = await this.multi([
          {
            ...base,
            filter: [...filter, `NOT ${inGroup}`],
            offset: Math.max(0, offset - (group.totalHits ?? 0)),
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

  private baseParams(req: SearchRequest): SearchParams {
    const q = req.q.trim();
    return {
      q,
      locales: ['vie', 'eng'],
      sort: q ? undefined : ['publishedAt:desc', 'id:desc'],
      attributesToRetrieve: ['id', 'slug', 'title', 'story'],
      // Cropped stories are marked only when they are highlighted too.
      attributesToHighlight: ['title.vi', 'title.en', 'story.vi', 'story.en'],
      attributesToCrop: ['story.vi', 'story.en'],
      cropLength: 32,
      cropMarker: '…',
      highlightPreTag: PRE,
      highlightPostTag: POST,
      showMatchesPosition: true,
    };
  }

  private async multi(queries: SearchParams[]): Promise<SearchResponse<SearchDocument>[]> {
    const params: MultiSearchParams = { queries: queries.map((q) => ({ ...q, indexUid: this.uid })) };
    const { results } = await this.client.multiSearch<MultiSearchParams, SearchDocument>(params);
    return results;
  }

  private toHit(hit: Hit<SearchDocument>, req: SearchRequest): SearchHit {
    const other = req.lang === 'vi' ? 'en' : 'vi';
    const formatted = hit._formatted ?? {};
    const positions = (hit._matchesPosition ?? {}) as Record<string, unknown>;
    // Nested fields are reported flattened ("story.vi"); the nested form is accepted too.
    const matched = (field: string) => {
      const [top = '', sub = ''] = field.split('.');
      const nested = positions[top];
      return field in positions || (typeof nested === 'object' && nested !== null && sub in nested);
    };
    const titleLang = hit.title?.[req.lang] ? req.lang : other;
    const storyLang = matched(`story.${req.lang}`) ? req.lang : matched(`story.${other}`) ? other : null;
    return {
      id: Number(hit.id),
      slug: hit.slug,
      titleHtml: markup(formatted.title?.[titleLang] ?? hit.title?.[titleLang]),
      snippetHtml: storyLang && req.q.trim() ? markup(formatted.story?.[storyLang]) : '',
    };
  }
}
