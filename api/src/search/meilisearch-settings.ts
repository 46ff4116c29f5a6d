import type { Settings } from 'meilisearch';
import type { SearchDocument, SearchFilters, WordReading } from './engine.ts';
import { exactKey } from './readings.ts';
import { escapeHtml, exactTerms, type KeepWord, tokenize } from './text.ts';

/**
 * What the Meilisearch engine sends and how it reads answers, as pure functions (unit-tested against the
 * behaviour of the pinned v1.12.8: its filter parser, tokenizer and settings).
 */

/** Placeholder highlight tags (private-use characters, stripped from documents): escaped text keeps them. */
export const PRE = '\uE000';
export const POST = '\uE001';

export type Dimension = 'ethnicGroup' | 'languageFamily' | 'category';
export const FACET_FIELD: Record<Dimension, string> = {
  ethnicGroup: 'ethnicGroups',
  languageFamily: 'languageFamilies',
  category: 'category',
};
export const DIMENSIONS = Object.keys(FACET_FIELD) as Dimension[];

/** The oldest Meilisearch with localizedAttributes (the per-language tokenizing below). */
const MIN_VERSION = [1, 10] as const;

/**
 * A document as indexed: the search document and `exact`, every word of it with its diacritics (as
 * exactKey), filterable, so the documents holding the form a visitor meant can be asked for first.
 */
export type MeiliDocument = SearchDocument & { exact: string[] };

export function toMeiliDocument(d: SearchDocument): MeiliDocument {
  const texts = [
    d.title.vi,
    d.title.en,
    d.story.vi,
    d.story.en,
    ...d.ethnicGroupNames,
    d.material.vi,
    d.material.en,
    d.region.vi,
    d.region.en,
    ...d.cues.map((c) => c.text),
  ];
  const exact = new Set(texts.flatMap((t) => tokenize(t).flatMap(exactTerms)).map(exactKey));
  return { ...d, exact: [...exact] };
}

/**
 * Settings applied at every start (idempotent); the order of searchableAttributes ranks title above story,
 * and the spoken words (`cues.text`, an array of cue objects) last: the `attribute` rule then puts a match in
 * them alone after a title or group match. Cues stay inside the artifact's document rather than in a cues
 * index of their own: a hit is an artifact, so one query keeps one ranking, one total and the facets, and
 * the cue times come back with the document (`_formatted.cues[i]` lines up with `cues[i]`).
 * No synonyms: every name of a document's groups is in ethnicGroupNames (one-word forms too), so "meo" and
 * "hmong" find the H'Mông there; synonyms would also apply to every query, folded, and a one-syllable other
 * name ("de", "mong") would then match để, đề, dễ or mỏng in nearly every story.
 */
export function indexSettings(): Settings {
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
      'cues.text',
    ],
    filterableAttributes: [
      'ethnicGroups',
      'languageFamilies',
      'category',
      'region.vi',
      'region.en',
      'hasCaptions',
      'exact',
    ],
    sortableAttributes: ['publishedAt', 'id'],
    // "attribute" before "sort" and "exactness": which field matched decides before anything but typos.
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    synonyms: {},
    // Stories and titles may hold markup as text ("<b>Sáo</b>"): without these, "<b>sao<" is one word.
    separatorTokens: ['<', '>'],
    localizedAttributes: [
      { attributePatterns: ['*.vi'], locales: ['vie'] },
      { attributePatterns: ['*.en'], locales: ['eng'] },
    ],
    pagination: { maxTotalHits: 50_000 },
    faceting: { maxValuesPerFacet: 200 },
  };
}

/**
 * A filter value in double quotes. The filter parser ends a value at the first quote not preceded by a
 * backslash and removes only the backslash of `\"`: other backslashes stay as typed, so they are not
 * doubled; a trailing one would escape the closing quote and goes.
 */
function quote(value: string): string {
  return `"${value.replace(/\\+$/, '').replace(/"/g, '\\"')}"`;
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

/**
 * The first rank bucket as a filter (the embedded engine's, see readings.ts): the boosted group's documents
 * holding a meant form of every word that has forms. Undefined when nothing is preferred.
 */
export function preferredFilter(
  boost: string | undefined,
  readings?: readonly WordReading[],
): string | undefined {
  const parts = boost ? [`ethnicGroups = ${quote(boost)}`] : [];
  for (const r of readings ?? []) {
    if (r.forms.length) parts.push(`exact IN [${r.forms.map((f) => quote(exactKey(f))).join(', ')}]`);
  }
  return parts.length ? parts.join(' AND ') : undefined;
}

/** Escaped text with the placeholder tags turned into <mark>, dropping those around words not to mark. */
export function markup(text: string | undefined, keep?: KeepWord): string {
  const kept = keep
    ? (text ?? '').replace(new RegExp(`${PRE}([^${POST}]*)${POST}`, 'g'), (whole, word: string) =>
        keep(word) ? whole : word,
      )
    : (text ?? '');
  return escapeHtml(kept).replaceAll(PRE, '<mark>').replaceAll(POST, '</mark>');
}

/** Refuses a Meilisearch older than v1.10 (localizedAttributes), with what to do. */
export function checkVersion(pkgVersion: string): void {
  const [major = 0, minor = 0] = pkgVersion.split('.').map((n) => Number.parseInt(n, 10));
  const [needMajor, needMinor] = MIN_VERSION;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return;
  throw new Error(
    `Meilisearch ${pkgVersion} is too old: search needs v${needMajor}.${needMinor} or newer (per-language ` +
      'tokenizing, localizedAttributes). Use the image pinned in docker-compose.yml (getmeili/meilisearch:v1.12.8).',
  );
}
