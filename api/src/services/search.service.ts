import { SEARCH_PAGE } from '@artifact-stories/contracts/limits';
import type {
  FacetValue,
  Localized,
  SearchHit,
  SearchQuery,
  SearchResponse,
} from '@artifact-stories/contracts/schemas';
import type { ArtifactRecord } from '../repositories/artifacts.repository.ts';
import type { CatalogueRepositories } from '../repositories/index.ts';
import type { FacetCounts, SearchEngine } from '../search/engine.ts';
import { Lru } from '../search/lru.ts';
import { compact, nameVariants, plainQuery } from '../search/text.ts';
import type { CatalogueService } from './catalogue.service.ts';
import { SearchVocabulary } from './search-vocabulary.ts';

type Names = Map<string, Localized>;

/** Whole answers kept: what forty pupils typing the same few words ask for again and again. */
const RESPONSES = 500;

/**
 * The read side of search: asks the engine, then turns its ids into the same artifact summaries the
 * catalogue lists show (SQLite stays the source of truth) and names the facet values.
 *
 * Turning ids into summaries costs more than a cached engine answer (a query per hit, the reference data),
 * so whole answers are kept too, for as long as they are exactly what a fresh search would give: the engine
 * has not changed since (its generation), and no change waits in the outbox (every artifact write leaves one,
 * in its own transaction, whichever process makes it). A change is therefore seen by the very next search,
 * and an unpublished artifact never shows.
 */
export class SearchService {
  private readonly responses = new Lru<string, { generation: number; answer: Promise<SearchResponse> }>(
    RESPONSES,
  );
  private readonly vocabulary: SearchVocabulary;

  constructor(
    private readonly engine: SearchEngine,
    private readonly repos: CatalogueRepositories,
    private readonly catalogue: CatalogueService,
    /** Whether a catalogue change has not reached the engine yet (SearchSync.hasPending). */
    private readonly changesPending: () => boolean = () => true,
  ) {
    this.vocabulary = new SearchVocabulary(repos.catalogue, () => engine.generation);
  }

  search(query: SearchQuery): Promise<SearchResponse> {
    const generation = this.engine.generation;
    if (generation === undefined || this.changesPending()) return this.compute(query);
    const key = JSON.stringify([
      (query.q ?? '').trim(),
      query.lang ?? 'vi',
      query.page ?? 1,
      query.pageSize ?? SEARCH_PAGE.default,
      query.ethnicGroup ?? null,
      query.languageFamily ?? null,
      query.category ?? null,
      query.hasCaptions ?? null,
    ]);
    const known = this.responses.get(key);
    if (known?.generation === generation) return known.answer;
    const entry = { generation, answer: this.compute(query) };
    this.responses.set(key, entry);
    entry.answer.catch(() => this.responses.deleteIf(key, entry));
    return entry.answer;
  }

  private async compute(query: SearchQuery): Promise<SearchResponse> {
    const q = (query.q ?? '').trim();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? SEARCH_PAGE.default;
    const filters = {
      ethnicGroup: query.ethnicGroup,
      languageFamily: query.languageFamily,
      category: query.category,
      hasCaptions: query.hasCaptions,
    };
    // Both engines take words only: Meilisearch's phrase and exclusion syntax would work in one of them.
    const words = plainQuery(q);
    const result = await this.engine.search({
      q: words,
      readings: this.vocabulary.readings(words),
      lang: query.lang ?? 'vi',
      filters,
      page,
      pageSize,
      boostEthnicGroup: filters.ethnicGroup ? undefined : this.groupNamedBy(words),
    });

    const records = result.hits.map((h) => this.repos.artifacts.byId(h.id));
    const videos = this.repos.videos.byIds(
      records.map((r) => r?.currentVideoId).filter((v): v is string => typeof v === 'string'),
    );
    const hits: SearchHit[] = [];
    for (const [i, hit] of result.hits.entries()) {
      const record = records[i];
      // The index may lag a change by a moment: never show what is no longer published.
      if (record?.status !== 'published') continue;
      hits.push({
        artifact: this.catalogue.summarize(record, this.videoOf(record, videos)),
        titleHtml: hit.titleHtml,
        snippetHtml: hit.snippetHtml,
        cues: hit.cues,
      });
    }

    const groups: Names = new Map(this.repos.catalogue.groups().map((g) => [g.slug, g.name]));
    const families: Names = new Map(this.repos.catalogue.families().map((f) => [f.slug, f.name]));
    const categories: Names = new Map(this.repos.catalogue.categories().map((c) => [c.slug, c.name]));
    return {
      q,
      hits,
      total: result.total,
      page,
      pageSize,
      facets: {
        ethnicGroup: named(result.facets.ethnicGroup, groups),
        languageFamily: named(result.facets.languageFamily, families),
        category: named(result.facets.category, categories),
        hasCaptions: result.facets.hasCaptions,
      },
      engine: this.engine.name,
    };
  }

  /**
   * The ethnic group a query names as a whole ("H'Mông", "hmong", "Mèo", "Rhade"), so its artifacts come
   * first. An official name wins; an alternative name counts only when it belongs to one group alone.
   */
  groupNamedBy(q: string): string | undefined {
    const wanted = compact(q);
    if (!wanted) return undefined;
    const groups = this.repos.catalogue.groups();
    const has = (names: string[]) => names.flatMap(nameVariants).some((n) => compact(n) === wanted);
    const official = groups.filter((g) => has([g.name.vi, g.name.en]));
    if (official.length) return official[0]?.slug;
    const other = groups.filter((g) => has(g.otherNames));
    return other.length === 1 ? other[0]?.slug : undefined;
  }

  private videoOf(record: ArtifactRecord, videos: ReturnType<CatalogueRepositories['videos']['byIds']>) {
    return record.currentVideoId ? videos.get(record.currentVideoId) : undefined;
  }
}

/** Non-zero counts, largest first, with the value's names (its slug when the reference data lacks it). */
function named(counts: FacetCounts, names: Names): FacetValue[] {
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([slug, count]) => ({ slug, name: names.get(slug) ?? { vi: slug, en: slug }, count }))
    .sort((a, b) => b.count - a.count || a.name.vi.localeCompare(b.name.vi, 'vi'));
}
