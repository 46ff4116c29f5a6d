import { type Static, Type } from 'typebox';
import { QUERY_MAX_LENGTH, SEARCH_PAGE, SEARCH_PAGE_MAX } from '../limits.ts';
import { ArtifactSummary } from './artifacts.ts';
import { Lang, pageQuery, Slug } from './common.ts';

export const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: QUERY_MAX_LENGTH, default: '' })),
  ethnicGroup: Type.Optional(Slug),
  languageFamily: Type.Optional(Slug),
  category: Type.Optional(Slug),
  /** true: only clips with captions (their spoken words are searchable); false: only clips without. */
  hasCaptions: Type.Optional(Type.Boolean()),
  lang: Type.Optional(Lang),
  ...pageQuery(SEARCH_PAGE, SEARCH_PAGE_MAX),
});
export type SearchQuery = Static<typeof SearchQuery>;

/** A caption cue whose words matched: the moment to open the clip at. */
export const CueMatch = Type.Object({
  /** The caption track's language (BCP 47 tag). */
  lang: Type.String(),
  /** Seconds from the start of the clip: the artifact page opens at /artifacts/<slug>?t=<start>. */
  start: Type.Number({ minimum: 0 }),
  /** HTML-escaped cue line with <mark> around the matches. */
  html: Type.String(),
});
export type CueMatch = Static<typeof CueMatch>;

export const SearchHit = Type.Object({
  artifact: ArtifactSummary,
  /** HTML-escaped title with <mark> around the matches, in the requested language. */
  titleHtml: Type.String(),
  /** HTML-escaped story excerpt around the first match, with <mark>; empty when the story did not match. */
  snippetHtml: Type.String(),
  /** Up to 3 cues of the clip's captions that matched, in clip order; empty when only other text matched. */
  cues: Type.Array(CueMatch),
});
export type SearchHit = Static<typeof SearchHit>;

export const FacetValue = Type.Object({
  slug: Type.String(),
  name: Type.Object({ vi: Type.String(), en: Type.String() }),
  count: Type.Integer(),
});
export type FacetValue = Static<typeof FacetValue>;

export const SearchResponse = Type.Object({
  q: Type.String(),
  hits: Type.Array(SearchHit),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Counts over every match of q (the other filters applied), non-zero values only, largest first. */
  facets: Type.Object({
    ethnicGroup: Type.Array(FacetValue),
    languageFamily: Type.Array(FacetValue),
    category: Type.Array(FacetValue),
    /** Matches (every filter applied) whose clip has captions. */
    hasCaptions: Type.Integer(),
  }),
  engine: Type.Union([Type.Literal('embedded'), Type.Literal('meilisearch')]),
});
export type SearchResponse = Static<typeof SearchResponse>;
