import type { Lang } from '@artifact-stories/contracts/schemas';

/** What the index holds per published artifact (built from SQLite; never the source of truth). */
export interface SearchDocument {
  id: number;
  slug: string;
  title: { vi: string; en: string };
  /** Plain text of the Markdown stories. */
  story: { vi: string; en: string };
  ethnicGroups: string[];
  /** Every name of the artifact's groups (vi, en, other and historical names): "meo" finds H'Mông. */
  ethnicGroupNames: string[];
  languageFamilies: string[];
  category: string;
  region: { vi: string; en: string };
  material: { vi: string; en: string };
  hasCaptions: boolean;
  /**
   * The spoken words: cues of the current version's caption tracks, in track then time order, capped per
   * artifact (search-documents.ts, CUE_TEXT_MAX).
   */
  cues: IndexedCue[];
  publishedAt: number;
}

/** One caption cue as indexed: its plain text, times in seconds, and the track's language tag. */
export interface IndexedCue {
  lang: string;
  start: number;
  end: number;
  text: string;
}

/** A cue whose words matched, as a hit shows it: HTML-escaped text with <mark> around the matches. */
export interface CueHit {
  lang: string;
  start: number;
  html: string;
}

/** Matching cues shown per hit, in clip order: enough to choose a moment, short on a phone. */
export const CUES_PER_HIT = 3;

export interface SearchFilters {
  ethnicGroup?: string;
  languageFamily?: string;
  category?: string;
  region?: string;
  hasCaptions?: boolean;
}

/**
 * How one query word is read (SearchService decides from the catalogue; both engines rank and mark by it).
 * Matching stays folded ("hmong" finds H'Mông); the reading says which of the words that fold the same the
 * visitor means.
 */
export interface WordReading {
  /** The word folded, as the index matches it ("gom"). */
  term: string;
  /**
   * The forms meant, diacritics kept (lower case, NFC): the word itself when typed with them ("gốm"), else
   * the catalogue's words that fold to it ("gom" → "gốm", the pottery of the titles and materials, not
   * "gồm"). Empty: any form will do.
   */
  forms: string[];
  /** Typed with diacritics: a folded match of another word is never marked, not even in a lower rank. */
  toned: boolean;
}

export interface SearchRequest {
  q: string;
  lang: Lang;
  filters: SearchFilters;
  page: number;
  pageSize: number;
  /** The query names this ethnic group (see SearchService): its artifacts rank before all others. */
  boostEthnicGroup?: string;
  /**
   * The query's words as meant (see WordReading), in query order. Documents holding a meant form of every
   * word that has forms rank first (after the boosted group); only meant forms are marked in them.
   */
  readings?: WordReading[];
}

export interface SearchHit {
  id: number;
  slug: string;
  /** HTML-escaped text with <mark> around matches. */
  titleHtml: string;
  snippetHtml: string;
  /** Cues whose words matched (at most CUES_PER_HIT); empty when no cue did. */
  cues: CueHit[];
}

export type FacetCounts = Record<string, number>;

export interface SearchResponseData {
  hits: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  facets: {
    ethnicGroup: FacetCounts;
    languageFamily: FacetCounts;
    category: FacetCounts;
    /** Matches (every filter applied) whose clip has captions. */
    hasCaptions: number;
  };
}

/** Synonyms from the ethnic groups' alternative names: each list is a set of equivalent terms. */
export type SynonymSets = string[][];

/** A second index being filled by a rebuild; `commit` puts it in the live one's place. */
export interface IndexReplacement {
  upsert(docs: SearchDocument[]): Promise<void>;
  commit(): Promise<void>;
}

/** One interface, two engines: embedded (in-process, the default) and Meilisearch (MEILI_URL). */
export interface SearchEngine {
  readonly name: 'embedded' | 'meilisearch';
  /** An in-memory index is empty at start and is rebuilt from SQLite; a persistent one catches up from the outbox. */
  readonly inMemory: boolean;
  /**
   * A number that changes whenever the index may have changed (CachedSearchEngine counts its writes); absent
   * when the engine cannot tell, and then nothing built on its answers may be kept.
   */
  readonly generation?: number;
  /** Applies settings (searchable/filterable attributes, synonyms...). Idempotent. */
  init(synonyms: SynonymSets): Promise<void>;
  upsert(docs: SearchDocument[]): Promise<void>;
  remove(ids: number[]): Promise<void>;
  /** Removes every document (before a full reindex). */
  clear(): Promise<void>;
  /**
   * A persistent engine rebuilds into a second index and swaps it in, so searches keep their answers
   * meanwhile; without it, a rebuild clears and refills the index (the in-memory one, rebuilt at start).
   */
  replacement?(): Promise<IndexReplacement>;
  /** Which index this is, for the rebuild marker in SQLite (search_index_state): engine and index name. */
  readonly indexKey: string;
  search(request: SearchRequest): Promise<SearchResponseData>;
  /** Documents in the index: an empty persistent index (new volume, switch from embedded) is rebuilt. */
  documentCount(): Promise<number>;
  health(): Promise<boolean>;
  close(): Promise<void>;
}
