import { fold } from '@artifact-stories/contracts/text';
import { matchingCues } from './cue-hits.ts';
import { Dictionary } from './dictionary.ts';
import type {
  SearchDocument,
  SearchEngine,
  SearchFilters,
  SearchHit,
  SearchRequest,
  SearchResponseData,
} from './engine.ts';
import { type Explanation, InvertedIndex, type WordQuery } from './postings.ts';
import { ExactTerms, holdsMeant, keepWord, prefersForms } from './readings.ts';
import { exactTerms, highlight, indexTerms, queryTerm, snippet, tokenize } from './text.ts';

/**
 * Fields as the index sees them (title, group names, material and region, story, spoken words; see
 * fieldTexts), with their weight: a title match outranks a story-only match. A match in the spoken words
 * alone ranks after every other (see ranked), whatever its score.
 */
const BOOSTS = [8, 4, 2, 1, 1];
const ALL_FIELDS = [0, 1, 2, 3, 4];
const SHORT_FIELDS = [0, 1, 2];
const STORY = 3;
const CUES = 4;
/** Long texts, where a one- or two-letter last word is not taken as a prefix. */
const LONG_FIELDS = [STORY, CUES];
const NO_TERMS: readonly string[] = [];

interface Entry {
  doc: SearchDocument;
  groups: readonly number[];
  families: readonly number[];
  category: number;
  /** Folded vi and en names, for the region filter. */
  region: readonly [string, string];
}

interface Match {
  id: number;
  score: number;
  /** Fields matched, as a bit mask (postings.ts). */
  fields: number;
}

const cueOnly = (m: Match) => m.fields === 1 << CUES;

/** A query's matches, best first, and what matched (worked out only for the page shown). */
interface Ranking {
  matches: Match[];
  explain: Explanation | null;
}

/** Both languages go into one field each: a visitor may type either, and fewer fields search faster. */
function fieldTexts(d: SearchDocument): string[] {
  return [
    `${d.title.vi}\n${d.title.en}`,
    d.ethnicGroupNames.join(' ; '),
    `${d.material.vi} ; ${d.material.en} ; ${d.region.vi} ; ${d.region.en}`,
    `${d.story.vi}\n${d.story.en}`,
    d.cues.map((c) => c.text).join('\n'),
  ];
}

/** Every word of a document with its diacritics: which of the words that fold alike it holds. */
function exactTermsOf(d: SearchDocument): Set<string> {
  return new Set(fieldTexts(d).flatMap((t) => tokenize(t).flatMap(exactTerms)));
}

function newIndex(): InvertedIndex {
  return new InvertedIndex(BOOSTS, tokenize, indexTerms);
}

/**
 * How each word is looked up. While typing, the last word is a prefix, but in stories only from three
 * letters on, where "kh" would match half the language. With `typos`, words of five letters or more
 * forgive one typo.
 */
function wordQueries(terms: readonly string[], typos: boolean): WordQuery[] {
  return terms.map((term, i) => {
    const last = i === terms.length - 1;
    const fuzzy = typos && term.length >= 5 ? 1 : 0;
    if (!last || term.length >= 3) return { term, parts: [{ prefix: last, fuzzy, fields: ALL_FIELDS }] };
    return {
      term,
      parts: [
        { prefix: true, fuzzy, fields: SHORT_FIELDS },
        { prefix: false, fuzzy, fields: LONG_FIELDS },
      ],
    };
  });
}

/**
 * The default engine: an inverted index in the api process (postings.ts). It is rebuilt from SQLite at every start (it holds
 * only published artifacts, a few thousand at most) and kept current through the outbox.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly name = 'embedded' as const;
  readonly inMemory: boolean = true;
  readonly indexKey: string = 'embedded';
  private index = newIndex();
  private readonly entries = new Map<number, Entry>();
  private readonly values = {
    groups: new Dictionary(),
    families: new Dictionary(),
    categories: new Dictionary(),
  };
  /** Newest first, for the empty query; recomputed lazily after writes. */
  private newest: number[] | null = null;
  private readonly exact = new ExactTerms();
  /** Ranked matches of recent queries: a facet click or the next page reuses them. Writes clear it. */
  private readonly recent = new Map<string, Ranking>();

  /** Forgets cached rankings (every write does; benchmarks measure uncached searches with it). */
  clearCache(): void {
    this.newest = null;
    this.recent.clear();
  }

  async init(): Promise<void> {
    // Synonyms need no settings here: every name of a group is indexed with its artifacts.
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    for (const doc of docs) {
      const old = this.entries.get(doc.id);
      if (old) this.forget(old.doc);
      this.index.add(doc.id, fieldTexts(doc));
      this.entries.set(doc.id, {
        doc,
        groups: doc.ethnicGroups.map((g) => this.values.groups.intern(g)),
        families: doc.languageFamilies.map((x) => this.values.families.intern(x)),
        category: this.values.categories.intern(doc.category),
        region: [fold(doc.region.vi), fold(doc.region.en)],
      });
      this.exact.add(doc.id, exactTermsOf(doc));
    }
    this.clearCache();
  }

  async remove(ids: number[]): Promise<void> {
    for (const id of ids) {
      const old = this.entries.get(id);
      if (old) this.forget(old.doc);
      this.entries.delete(id);
    }
    this.clearCache();
  }

  /** Takes a document's words out of the index and the exact terms. */
  private forget(doc: SearchDocument): void {
    this.index.remove(doc.id, fieldTexts(doc));
    this.exact.remove(doc.id, exactTermsOf(doc));
  }

  async clear(): Promise<void> {
    this.index = newIndex();
    this.exact.clear();
    this.entries.clear();
    this.clearCache();
  }

  async documentCount(): Promise<number> {
    return this.entries.size;
  }

  async health(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}

  async search(req: SearchRequest): Promise<SearchResponseData> {
    const { matches, explain } = this.ranked(req);
    const { kept, facets } = this.filterAndCount(matches, req.filters);
    const start = (req.page - 1) * req.pageSize;
    const hits = kept.slice(start, start + req.pageSize).map((m) => this.toHit(m.id, explain, req));
    return { hits, total: kept.length, page: req.page, pageSize: req.pageSize, facets };
  }

  /**
   * Matches of q, best first; cached (least recently used goes first). The first bucket holds the documents
   * of the boosted group that hold a meant form of every word (readings.ts); the rest follow, each part still
   * best first (the same buckets as the Meilisearch engine's). In each bucket, documents matched only in the
   * spoken words come last (Meilisearch: cues are the last searchable attribute).
   */
  private ranked(req: SearchRequest): Ranking {
    const boost = req.boostEthnicGroup;
    // Folded terms and the readings decide the query: "khen" and "KHEN" share an entry, "gốm" and "gom" not.
    const terms = tokenize(req.q).map(queryTerm).filter(Boolean);
    const readings = prefersForms(req.readings) ? req.readings : undefined;
    const key = `${boost ?? ''}|${terms.join(' ')}|${JSON.stringify(readings ?? null)}`;
    let ranking = this.recent.get(key);
    if (ranking) {
      this.recent.delete(key);
    } else {
      ranking = this.match(terms);
      const first = new Set<number>();
      if (boost || readings) {
        const id = boost ? (this.values.groups.id(boost) ?? -2) : -1;
        for (const m of ranking.matches) {
          const e = this.entries.get(m.id);
          if (!e || (boost && !e.groups.includes(id))) continue;
          if (holdsMeant(readings, (f) => this.exact.holds(m.id, f))) first.add(m.id);
        }
      }
      if (first.size || ranking.matches.some(cueOnly)) {
        const bucket = (m: Match) => (first.has(m.id) ? 2 : 0) + (cueOnly(m) ? 0 : 1);
        // Array.sort is stable: each bucket stays best first.
        ranking.matches.sort((a, b) => bucket(b) - bucket(a));
      }
      if (this.recent.size >= 64) this.recent.delete(this.recent.keys().next().value as string);
    }
    this.recent.set(key, ranking);
    return ranking;
  }

  private match(terms: string[]): Ranking {
    if (!terms.length)
      return { matches: this.newestFirst().map((id) => ({ id, score: 0, fields: 0 })), explain: null };
    // Strictest first: every word as typed; then with typos forgiven; then any word (like Meilisearch's
    // default matching strategy). A word the catalogue knows is taken as typed, so "hmong" does not also
    // bring every story saying "among"; an unknown one ("chiemg") is corrected. Also much faster.
    const canTypo = terms.some((t) => t.length >= 5);
    const plans: ['AND' | 'OR', boolean][] = [['AND', false]];
    if (canTypo) plans.push(['AND', true]);
    if (terms.length > 1) plans.push(['OR', false]);
    if (terms.length > 1 && canTypo) plans.push(['OR', true]);
    let result: Ranking = { matches: [], explain: null };
    for (const [combineWith, typos] of plans) {
      result = this.index.search(wordQueries(terms, typos), combineWith);
      if (result.matches.length) break;
    }
    result.matches.sort((a, b) => b.score - a.score || a.id - b.id);
    return result;
  }

  private newestFirst(): number[] {
    if (!this.newest) {
      this.newest = [...this.entries.values()]
        .sort((a, b) => b.doc.publishedAt - a.doc.publishedAt || b.doc.id - a.doc.id)
        .map((e) => e.doc.id);
    }
    return this.newest;
  }

  /**
   * Applies the filters and counts facets in one pass. A facet is counted over the matches that pass every
   * other filter, so choosing one ethnic group still shows how many matches the others have.
   */
  private filterAndCount(matches: Match[], f: SearchFilters) {
    const { groups, families, categories } = this.values;
    // Facet values are small integers (see Dictionary): counting is array arithmetic, not hashing.
    const groupCounts = new Int32Array(groups.size);
    const familyCounts = new Int32Array(families.size);
    const categoryCounts = new Int32Array(categories.size);
    const group = f.ethnicGroup ? (groups.id(f.ethnicGroup) ?? -2) : -1;
    const family = f.languageFamily ? (families.id(f.languageFamily) ?? -2) : -1;
    const category = f.category ? (categories.id(f.category) ?? -2) : -1;
    const region = f.region ? fold(f.region.trim()) : undefined;
    const kept: Match[] = [];
    let captioned = 0;
    for (const m of matches) {
      const e = this.entries.get(m.id);
      if (!e) continue;
      if (region !== undefined && e.region[0] !== region && e.region[1] !== region) continue;
      if (f.hasCaptions !== undefined && e.doc.hasCaptions !== f.hasCaptions) continue;
      const okGroup = group === -1 || e.groups.includes(group);
      const okFamily = family === -1 || e.families.includes(family);
      const okCategory = category === -1 || e.category === category;
      if (okFamily && okCategory) for (const g of e.groups) (groupCounts[g] as number)++;
      if (okGroup && okCategory) for (const x of e.families) (familyCounts[x] as number)++;
      if (okGroup && okFamily) (categoryCounts[e.category] as number)++;
      if (!(okGroup && okFamily && okCategory)) continue;
      kept.push(m);
      if (e.doc.hasCaptions) captioned++;
    }
    const facets = {
      ethnicGroup: groups.counts(groupCounts),
      languageFamily: families.counts(familyCounts),
      category: categories.counts(categoryCounts),
      hasCaptions: captioned,
    };
    return { kept, facets };
  }

  private toHit(id: number, explain: Explanation | null, req: SearchRequest): SearchHit {
    const doc = (this.entries.get(id) as Entry).doc;
    const keep = keepWord(req.readings, (f) => this.exact.holds(id, f));
    const other = req.lang === 'vi' ? 'en' : 'vi';
    const title = doc.title[req.lang] || doc.title[other];
    // The story in the visitor's language; the other one when only it explains the match.
    const terms = new Set(explain?.terms(id) ?? NO_TERMS);
    const storyHtml = explain?.inField(id, STORY)
      ? snippet(doc.story[req.lang], terms, keep) || snippet(doc.story[other], terms, keep)
      : '';
    // Titles are short: always scanned, so a group name matched elsewhere ("ede") is marked in them too.
    const titleHtml = highlight(title, terms, keep);
    const cues = explain?.inField(id, CUES)
      ? matchingCues(doc.cues, req.lang, (text) => highlight(text, terms, keep))
      : [];
    return { id: doc.id, slug: doc.slug, titleHtml, snippetHtml: storyHtml, cues };
  }
}
