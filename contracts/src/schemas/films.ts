import { type Static, Type } from 'typebox';
import { DURATION_BAND_SLUGS, FILM_ORDERS } from '../films.ts';
import { ArtifactSummary } from './artifacts.ts';
import { Lang, OneOf, Page, PageQuery, Slug } from './common.ts';
import { FacetValue } from './search.ts';

export const FilmOrder = OneOf(FILM_ORDERS);
export const DurationBandSlug = OneOf(DURATION_BAND_SLUGS);

export const FilmsQuery = Type.Object({
  order: Type.Optional(FilmOrder),
  duration: Type.Optional(DurationBandSlug),
  /** true: only clips with captions; false: only clips without. */
  hasCaptions: Type.Optional(Type.Boolean()),
  ethnicGroup: Type.Optional(Slug),
  languageFamily: Type.Optional(Slug),
  category: Type.Optional(Slug),
  /** The language titles are sorted in (order=title) and facet values named by. */
  lang: Type.Optional(Lang),
  ...PageQuery,
});
export type FilmsQuery = Static<typeof FilmsQuery>;

export const DurationFacet = Type.Object({ slug: DurationBandSlug, count: Type.Integer() });

export const FilmsPage = Page(ArtifactSummary, {
  /**
   * Per filter, how many films each of its values would give with the other filters kept (choosing a value
   * replaces the current one). Values of no film are left out; the chosen one stays, even at 0.
   */
  facets: Type.Object({
    duration: Type.Array(DurationFacet),
    ethnicGroup: Type.Array(FacetValue),
    languageFamily: Type.Array(FacetValue),
    category: Type.Array(FacetValue),
    /** Films with captions, the other filters applied. */
    hasCaptions: Type.Integer(),
  }),
});
export type FilmsPage = Static<typeof FilmsPage>;
