import type {
  IndexReplacement,
  SearchDocument,
  SearchEngine,
  SearchRequest,
  SearchResponseData,
  SynonymSets,
} from './engine.ts';
import { Lru } from './lru.ts';

/** Distinct recent searches kept; a class typing shares a few hundred prefixes at most. */
const CAPACITY = 500;

/**
 * The same words, filters and page give the same answer until the index changes: case and spacing do not
 * count, diacritics do (an exact-tone match ranks differently from a folded one).
 */
function searchKey(req: SearchRequest): string {
  const q = req.q.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  const f = req.filters;
  return JSON.stringify([
    q,
    req.lang,
    req.page,
    req.pageSize,
    req.boostEthnicGroup ?? null,
    f.ethnicGroup ?? null,
    f.languageFamily ?? null,
    f.category ?? null,
    f.region ?? null,
    f.hasCaptions ?? null,
  ]);
}

/**
 * Any engine, with its answers remembered until the index next changes. Search runs on the api's main
 * thread (the embedded engine) or costs a round trip (Meilisearch); forty pupils typing the same few
 * letters must not each pay for it while someone's video waits behind them. Equal searches, even in
 * flight at the same moment, share one computation (the cache holds promises). Every write bumps a
 * generation and empties the cache, before it starts and once it ends, so no answer computed against the
 * old index outlives the write; what the index holds is what the next search sees.
 *
 * Answers are shared between callers: they must be treated as read-only.
 */
export class CachedSearchEngine implements SearchEngine {
  readonly name: SearchEngine['name'];
  readonly inMemory: boolean;
  readonly indexKey: string;
  readonly replacement?: () => Promise<IndexReplacement>;
  private writes = 0;
  private readonly answers: Lru<string, Promise<SearchResponseData>>;

  constructor(
    private readonly inner: SearchEngine,
    capacity = CAPACITY,
  ) {
    this.name = inner.name;
    this.inMemory = inner.inMemory;
    this.indexKey = inner.indexKey;
    this.answers = new Lru(capacity);
    const replacement = inner.replacement?.bind(inner);
    if (replacement) {
      // Filling the second index changes nothing searched; the swap changes everything.
      this.replacement = async () => {
        const next = await replacement();
        return { upsert: (docs) => next.upsert(docs), commit: () => this.write(() => next.commit()) };
      };
    }
  }

  /** Changes whenever the index may have changed: what was built on its answers is out of date. */
  get generation(): number {
    return this.writes;
  }

  search(req: SearchRequest): Promise<SearchResponseData> {
    const key = searchKey(req);
    const known = this.answers.get(key);
    if (known) return known;
    const generation = this.writes;
    const answer = this.inner.search(req);
    this.answers.set(key, answer);
    const forget = () => this.answers.deleteIf(key, answer);
    answer.then(() => {
      if (this.writes !== generation) forget();
    }, forget);
    return answer;
  }

  init(synonyms: SynonymSets): Promise<void> {
    return this.write(() => this.inner.init(synonyms));
  }

  upsert(docs: SearchDocument[]): Promise<void> {
    return this.write(() => this.inner.upsert(docs));
  }

  remove(ids: number[]): Promise<void> {
    return this.write(() => this.inner.remove(ids));
  }

  clear(): Promise<void> {
    return this.write(() => this.inner.clear());
  }

  documentCount(): Promise<number> {
    return this.inner.documentCount();
  }

  health(): Promise<boolean> {
    return this.inner.health();
  }

  close(): Promise<void> {
    this.invalidate();
    return this.inner.close();
  }

  private invalidate(): void {
    this.writes++;
    this.answers.clear();
  }

  private async write(change: () => Promise<void>): Promise<void> {
    this.invalidate();
    try {
      await change();
    } finally {
      this.invalidate();
    }
  }
}
