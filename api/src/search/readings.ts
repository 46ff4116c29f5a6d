import type { WordReading } from './engine.ts';
import { exactTerms, indexTerms, type KeepWord } from './text.ts';

/**
 * What both engines do with a query's readings (engine.ts, WordReading): the rank bucket of a document and
 * which of its matched words may be marked. A document is known by the exact terms it holds (`has`).
 */

type Has = (form: string) => boolean;

/** The readings that say which form is meant. */
function meaningful(readings: readonly WordReading[] | undefined): WordReading[] {
  return (readings ?? []).filter((r) => r.forms.length > 0);
}

/** Whether the document holds a meant form of every word that has forms (the first rank bucket). */
export function holdsMeant(readings: readonly WordReading[] | undefined, has: Has): boolean {
  return meaningful(readings).every((r) => r.forms.some(has));
}

/** Whether any reading prefers some forms (else no bucket is needed). */
export function prefersForms(readings: readonly WordReading[] | undefined): boolean {
  return meaningful(readings).length > 0;
}

/**
 * Which matched words of a document may be marked. A word stands for the readings whose term it folds to
 * (the last query word also as a prefix: it is still being typed). It is marked unless every such reading
 * is strict and the word is not a meant form. A reading is strict when typed with diacritics, or when the
 * document holds a meant form (then "gom" marks gốm, not gồm, in it); a document found only through
 * another form ("gom" in a text that merely says gồm) marks what it matched, which is all it has.
 * Words no reading stands for (typo corrections, names spanning words) are marked as the engine found them.
 */
export function keepWord(readings: readonly WordReading[] | undefined, has: Has): KeepWord | undefined {
  const list = readings ?? [];
  if (!prefersForms(list)) return undefined;
  const strict = list.map((r) => r.forms.length > 0 && (r.toned || r.forms.some(has)));
  const lastIndex = list.length - 1;
  return (word) => {
    const folded = indexTerms(word);
    const exact = exactTerms(word);
    let standsFor = false;
    for (const [i, r] of list.entries()) {
      const prefix = i === lastIndex;
      const matches = folded.some((t) => t === r.term || (prefix && t.startsWith(r.term)));
      if (!matches) continue;
      standsFor = true;
      if (!strict[i]) return true;
      if (exact.some((t) => r.forms.some((f) => t === f || (prefix && t.startsWith(f))))) return true;
    }
    return !standsFor;
  };
}

/** Exact terms (every word with its diacritics, exactTerms) → the documents holding them. */
export class ExactTerms {
  private readonly ids = new Map<string, Set<number>>();

  add(id: number, terms: Iterable<string>): void {
    for (const term of terms) {
      const ids = this.ids.get(term) ?? new Set<number>();
      ids.add(id);
      this.ids.set(term, ids);
    }
  }

  /** `terms` are the ones the document was added with. */
  remove(id: number, terms: Iterable<string>): void {
    for (const term of terms) {
      const ids = this.ids.get(term);
      ids?.delete(id);
      if (ids?.size === 0) this.ids.delete(term);
    }
  }

  holds(id: number, term: string): boolean {
    return this.ids.get(term)?.has(id) ?? false;
  }

  clear(): void {
    this.ids.clear();
  }
}

/**
 * An exact term as plain ASCII letters, digits and underscores, for the Meilisearch `exact` attribute: its
 * filter values must compare byte for byte, whatever normalisation the engine applies ("gốm" → "g_1ed1m").
 */
export function exactKey(term: string): string {
  let out = '';
  for (const ch of term) {
    const code = ch.codePointAt(0) as number;
    out += code < 0x80 ? ch : `_${code.toString(16)}`;
  }
  return out;
}
