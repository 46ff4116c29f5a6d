import SearchableMap from 'minisearch/SearchableMap';

/**
 * The embedded engine's inverted index. MiniSearch's own search builds an object with a per-term `match`
 * record for every matching document and scores through several Map lookups per posting; common folded
 * syllables ("cong", "kh…") match thousands of documents, so that dominated every query. Here documents
 * are small integers (slots), postings are parallel number arrays sorted by slot, and scores add up in
 * typed arrays. Scoring is MiniSearch's BM25 with the same parameters and prefix/fuzzy weights, so ranking
 * is unchanged; MiniSearch's radix tree (SearchableMap) still finds prefix and fuzzy terms.
 */

/** How one word is looked up: as typed, as a prefix, or with typos, in some fields. */
export interface WordPart {
  prefix: boolean;
  /** Edit distance forgiven, 0 for none. */
  fuzzy: number;
  fields: readonly number[];
}

/** One word of a query (its folded term) and where to look for it. */
export interface WordQuery {
  term: string;
  parts: readonly WordPart[];
}

export interface Scored {
  id: number;
  score: number;
  /** Bit i set: some word matched in field i. */
  fields: number;
}

/** What matched a query, for marking the words of the documents shown (only a page needs it). */
export interface Explanation {
  /** Index terms of this document that matched (as the index stores them). */
  terms(id: number): string[];
  /** Whether any term matched in the given field of this document. */
  inField(id: number, field: number): boolean;
}

interface Postings {
  slots: number[];
  freqs: number[];
}

/** Postings of one term, by field number. */
type TermData = (Postings | undefined)[];

interface Expansion {
  term: string;
  data: TermData;
  fields: readonly number[];
}

// MiniSearch's defaults: BM25+ parameters, and the weights of prefix and fuzzy matches.
const K = 1.2;
const B = 0.7;
const D = 0.5;
const PREFIX_WEIGHT = 0.6;
const FUZZY_WEIGHT = 0.5;

/** Position of slot in sorted postings, or -1. */
function find(slots: readonly number[], slot: number): number {
  let lo = 0;
  let hi = slots.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = slots[mid] as number;
    if (s === slot) return mid;
    if (s < slot) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export class InvertedIndex {
  private readonly terms = new SearchableMap<TermData>();
  private readonly slotOf = new Map<number, number>();
  /** Slot → document id; -1 once removed (a replaced document gets a new slot, keeping postings sorted). */
  private readonly idOf: number[] = [];
  /** Distinct words per field and slot, and their sum over live documents (BM25 length normalisation). */
  private readonly lengths: number[][];
  private readonly totalLength: number[];

  constructor(
    private readonly boosts: readonly number[],
    private readonly tokenize: (text: string) => string[],
    private readonly indexTerms: (word: string) => string[],
  ) {
    this.lengths = boosts.map(() => []);
    this.totalLength = boosts.map(() => 0);
  }

  /** Indexes a document's text, one string per field (in the order of `boosts`). */
  add(id: number, texts: readonly string[]): void {
    if (this.slotOf.has(id)) throw new Error(`search index: document ${id} is already indexed`);
    const slot = this.idOf.push(id) - 1;
    this.slotOf.set(id, slot);
    texts.forEach((text, field) => {
      const tokens = this.tokenize(text);
      const length = new Set(tokens).size;
      (this.lengths[field] as number[])[slot] = length;
      (this.totalLength[field] as number) += length;
      for (const token of tokens) {
        for (const term of this.indexTerms(token)) {
          let data = this.terms.get(term);
          if (!data) {
            data = [];
            this.terms.set(term, data);
          }
          let p = data[field];
          if (!p) {
            p = { slots: [], freqs: [] };
            data[field] = p;
          }
          const last = p.slots.length - 1;
          if (p.slots[last] === slot) (p.freqs[last] as number)++;
          else {
            p.slots.push(slot);
            p.freqs.push(1);
          }
        }
      }
    });
  }

  /** Removes a document; `texts` are the ones it was added with (its terms are found from them). */
  remove(id: number, texts: readonly string[]): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    texts.forEach((text, field) => {
      const terms = new Set(this.tokenize(text).flatMap(this.indexTerms));
      for (const term of terms) {
        const data = this.terms.get(term);
        const p = data?.[field];
        if (!data || !p) continue;
        const at = find(p.slots, slot);
        if (at < 0) continue;
        p.slots.splice(at, 1);
        p.freqs.splice(at, 1);
        if (p.slots.length) continue;
        data[field] = undefined;
        if (data.every((x) => !x)) this.terms.delete(term);
      }
      (this.totalLength[field] as number) -= (this.lengths[field] as number[])[slot] as number;
    });
    this.idOf[slot] = -1;
    this.slotOf.delete(id);
  }

  /**
   * Documents matching every word (AND) or any (OR), unsorted. A document's score is the sum of its words'
   * BM25 scores times the number of words it matched, as in MiniSearch.
   */
  search(
    words: readonly WordQuery[],
    combineWith: 'AND' | 'OR',
  ): { matches: Scored[]; explain: Explanation } {
    const n = this.idOf.length;
    const total = new Float64Array(n);
    /** Words matched (AND needs all), and distinct query terms matched (the quality factor). */
    const count = new Uint8Array(n);
    const quality = new Uint8Array(n);
    const fieldsHit = new Uint32Array(n);
    const byTerm = new Map<string, Uint8Array>();
    const union: number[] = [];
    const expansions: Expansion[] = [];
    for (const word of words) {
      const score = new Float64Array(n);
      const touched: number[] = [];
      for (const part of word.parts) {
        for (const [term, data, weight] of this.expand(word.term, part)) {
          expansions.push({ term, data, fields: part.fields });
          for (const field of part.fields)
            this.score(data[field], field, weight, { into: score, touched, fieldsHit });
        }
      }
      // A word typed twice ("kh kh") counts once in the quality, as MiniSearch counts distinct terms.
      let termHit = byTerm.get(word.term);
      if (!termHit) {
        termHit = new Uint8Array(n);
        byTerm.set(word.term, termHit);
      }
      for (const slot of touched) {
        if (!count[slot]) union.push(slot);
        total[slot] = (total[slot] as number) + (score[slot] as number);
        (count[slot] as number)++;
        if (!termHit[slot]) (quality[slot] as number)++;
        termHit[slot] = 1;
      }
    }
    const need = combineWith === 'AND' ? words.length : 1;
    const matches: Scored[] = [];
    for (const slot of union) {
      const id = this.idOf[slot] as number;
      // A removed slot is only still posted if remove() was given other texts than add() was.
      if ((count[slot] as number) < need || id < 0) continue;
      matches.push({
        id,
        score: (total[slot] as number) * (quality[slot] as number),
        fields: fieldsHit[slot] as number,
      });
    }
    return { matches, explain: this.explanation(expansions) };
  }

  /** The index terms a query term stands for, with their weight: itself, longer words, near misses. */
  private expand(term: string, part: WordPart): [string, TermData, number][] {
    const out: [string, TermData, number][] = [];
    const exact = this.terms.get(term);
    if (exact) out.push([term, exact, 1]);
    const prefixed = new Set<string>();
    if (part.prefix) {
      for (const [t, data] of this.terms.atPrefix(term)) {
        const distance = t.length - term.length;
        if (!distance) continue;
        prefixed.add(t);
        out.push([t, data, (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * distance)]);
      }
    }
    if (part.fuzzy) {
      for (const [t, [data, distance]] of this.terms.fuzzyGet(term, part.fuzzy)) {
        if (!distance || prefixed.has(t)) continue;
        out.push([t, data, (FUZZY_WEIGHT * t.length) / (t.length + distance)]);
      }
    }
    return out;
  }

  private score(
    p: Postings | undefined,
    field: number,
    weight: number,
    out: { into: Float64Array; touched: number[]; fieldsHit: Uint32Array },
  ) {
    if (!p) return;
    const { into, touched, fieldsHit } = out;
    const bit = 1 << field;
    const docs = this.slotOf.size;
    const matching = p.slots.length;
    const idf = Math.log(1 + (docs - matching + 0.5) / (matching + 0.5));
    const avg = (this.totalLength[field] as number) / docs;
    const boost = weight * (this.boosts[field] as number) * idf;
    const lengths = this.lengths[field] as number[];
    const { slots, freqs } = p;
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i] as number;
      const tf = freqs[i] as number;
      const norm = 1 - B + (B * (lengths[slot] as number)) / avg;
      const s = boost * (D + (tf * (K + 1)) / (tf + K * norm));
      if (into[slot] === 0) touched.push(slot);
      into[slot] = (into[slot] as number) + s;
      fieldsHit[slot] = (fieldsHit[slot] as number) | bit;
    }
  }

  private explanation(expansions: readonly Expansion[]): Explanation {
    const has = (e: Expansion, field: number, slot: number) => {
      const p = e.data[field];
      return p !== undefined && find(p.slots, slot) >= 0;
    };
    return {
      terms: (id) => {
        const slot = this.slotOf.get(id) ?? -1;
        const out = new Set<string>();
        for (const e of expansions) if (e.fields.some((f) => has(e, f, slot))) out.add(e.term);
        return [...out];
      },
      inField: (id, field) => {
        const slot = this.slotOf.get(id) ?? -1;
        return expansions.some((e) => e.fields.includes(field) && has(e, field, slot));
      },
    };
  }
}
