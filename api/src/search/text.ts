import { fold } from '@artifact-stories/contracts/text';

/**
 * Text handling shared by both engines and the search service: word tokens with their positions in the
 * original text (for highlighting), and name matching. Folding itself is the contracts' `fold`, shared with
 * the web.
 */

const APOSTROPHES = /['’ʼ‘`´]/g;
/** A word: letters, digits and combining marks, possibly joined by apostrophes (H'Mông, K’Ho). */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’ʼ‘`´][\p{L}\p{N}\p{M}]+)*/gu;
/** What may sit between the words of one name that is also written as one word (Ê Đê, Ê-đê → ede). */
const NAME_GAP = /^[\s\-‐‑–]+$/;

/** Folded and written as one word: "H'Mông" → "hmong", "Ê Đê" → "ede", "Ê-đê" → "ede". */
export function compact(text: string): string {
  return fold(text)
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * The words of a text with their offsets in the original string (diacritics and case untouched); only the
 * first `limit` of them when given.
 */
function words(text: string, limit = Number.POSITIVE_INFINITY): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    if (out.length >= limit) break;
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * The query as plain words: Meilisearch reads `"…"` as a phrase and ` -word` as an exclusion, the embedded
 * engine reads neither, so neither engine is given them. A phrase is searched as its words; an excluded
 * word is left out (searching for it would invert the wish). "Ê-đê" keeps its hyphen: it is inside a name.
 */
export function plainQuery(q: string): string {
  return q
    .replace(/["“”„«»]/g, ' ')
    .replace(/(^|\s)[-‐‑–]+\S*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The raw words of a text, for a tokenizer that folds them afterwards. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Index terms of one word: the folded word, and for a word with apostrophes both the joined form and its
 * parts, so "H'Mông" is found by "hmong", "h'mong" and "mông".
 */
export function indexTerms(word: string): string[] {
  const folded = fold(word);
  if (!/['’ʼ‘`´]/.test(folded)) return [folded];
  const parts = folded.split(APOSTROPHES).filter((p) => p.length >= 2);
  return [...new Set([folded.replace(APOSTROPHES, ''), ...parts])];
}

/**
 * Index terms of one word with its diacritics kept (lower case, NFC), parallel to indexTerms: "H'Mông" →
 * "hmông", "mông". They tell a word from the others that fold the same (gốm "pottery", gồm "consists of").
 */
export function exactTerms(word: string): string[] {
  const lower = word.normalize('NFC').toLowerCase();
  if (!/['’ʼ‘`´]/.test(lower)) return [lower];
  const parts = lower.split(APOSTROPHES).filter((p) => p.length >= 2);
  return [...new Set([lower.replace(APOSTROPHES, ''), ...parts])];
}

/** A query word with its diacritics kept: typed "Gốm" means "gốm" (compare queryTerm). */
export function exactQueryTerm(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(APOSTROPHES, '');
}

/** The one term a query word stands for: typed "H'Mông" means "hmong". */
export function queryTerm(word: string): string {
  return fold(word).replace(APOSTROPHES, '');
}

/** Every alternative a group name stands for: "Ede (Rhade)" names both "Ede" and "Rhade". */
export function nameVariants(name: string): string[] {
  return name
    .split(/[()/;,]/)
    .map((n) => n.trim())
    .filter((n) => n.length > 0 && n !== '?');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

interface WordForms {
  /** Index terms of the word (see indexTerms). */
  terms: string[];
  /** The word folded and written as one, for runs such as "Ê Đê" → "ede". */
  compact: string;
}

/** Highlighting folds the same words again and again: remember them (bounded; the vocabulary is small). */
const formsCache = new Map<string, WordForms>();

function formsOf(word: string): WordForms {
  let forms = formsCache.get(word);
  if (!forms) {
    if (formsCache.size > 50_000) formsCache.clear();
    forms = { terms: indexTerms(word), compact: compact(word) };
    formsCache.set(word, forms);
  }
  return forms;
}

/**
 * Marks the words of `text` whose index terms are in `matched` (terms as the index stores them), and runs
 * of two or three words that together form a matched term ("Ê Đê" for "ede"). Returns [start, end) spans.
 */
function matchSpans(text: string, matched: ReadonlySet<string>, keep?: KeepWord): [number, number][] {
  return scan(text, matched, undefined, keep).spans;
}

/** Whether a single matched word may be marked (see readings.ts): a folded look-alike may not. */
export type KeepWord = (word: string) => boolean;

/** Spans among the first `limit` words (a span needs the two words after it: see snippet). */
function scan(
  text: string,
  matched: ReadonlySet<string>,
  limit?: number,
  keep?: KeepWord,
): { list: Word[]; spans: [number, number][] } {
  if (!matched.size) return { list: [], spans: [] };
  const list = words(text, limit);
  const forms = list.map((w) => formsOf(w.text));
  const gapOk = (k: number) => NAME_GAP.test(text.slice((list[k - 1] as Word).end, (list[k] as Word).start));
  const spans: [number, number][] = [];
  for (let i = 0; i < list.length; i++) {
    const c1 = (forms[i] as WordForms).compact;
    const c2 = i + 1 < list.length ? c1 + (forms[i + 1] as WordForms).compact : '';
    const c3 = i + 2 < list.length ? c2 + (forms[i + 2] as WordForms).compact : '';
    let last = -1;
    if (c3 && matched.has(c3) && gapOk(i + 1) && gapOk(i + 2)) last = i + 2;
    else if (c2 && matched.has(c2) && gapOk(i + 1)) last = i + 1;
    else if (
      (forms[i] as WordForms).terms.some((t) => matched.has(t)) &&
      (keep?.(list[i]?.text ?? '') ?? true)
    )
      last = i;
    if (last < 0) continue;
    spans.push([(list[i] as Word).start, (list[last] as Word).end]);
    i = last;
  }
  return { list, spans };
}

/** HTML-escaped text with <mark> around the spans. */
function markSpans(text: string, spans: [number, number][], from = 0, to = text.length): string {
  let html = '';
  let at = from;
  for (const [spanStart, spanEnd] of spans) {
    if (spanEnd <= from || spanStart >= to) continue;
    const s = Math.max(spanStart, at);
    const e = Math.min(spanEnd, to);
    html += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return html + escapeHtml(text.slice(at, to));
}

/** The whole text, escaped, with matches marked. */
export function highlight(text: string, matched: ReadonlySet<string>, keep?: KeepWord): string {
  return markSpans(text, matchSpans(text, matched, keep));
}

/**
 * An excerpt of about `length` words around the first match, escaped and marked, with an ellipsis where it
 * was cut. Empty when nothing in the text matched.
 */
export function snippet(text: string, matched: ReadonlySet<string>, keep?: KeepWord, length = 32): string {
  // Stories are long and only the first match is shown: scan a window of words, widened until it holds
  // the excerpt and the two words after it (a name such as "Ê Đê" may end there), or the whole text.
  for (let limit = 2 * length; ; limit *= 4) {
    const { list, spans } = scan(text, matched, limit, keep);
    const whole = list.length < limit;
    const first = spans[0];
    if (!first) {
      if (whole) return '';
      continue;
    }
    const hit = Math.max(
      0,
      list.findIndex((w) => w.start === first[0]),
    );
    const startWord = Math.max(0, hit - Math.floor(length / 4));
    const endWord = Math.min(list.length - 1, startWord + length - 1);
    if (!whole && endWord + 2 >= list.length - 1) continue;
    const from = startWord === 0 ? 0 : (list[startWord] as Word).start;
    const to = whole && endWord === list.length - 1 ? text.length : (list[endWord] as Word).end;
    const body = markSpans(text, spans, from, to).trim();
    return `${from > 0 ? '… ' : ''}${body}${to < text.length ? ' …' : ''}`;
  }
}
