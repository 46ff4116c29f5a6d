import {
  DURATION_BAND_SLUGS,
  type DurationBand,
  FILM_ORDERS,
  type FilmOrder,
} from '@artifact-stories/contracts/films';
import type { FilmsQuery, Lang } from '@artifact-stories/contracts/schemas';
import { SLUG_PATTERN } from '@artifact-stories/contracts/slugs';

/** What the films page's URL holds: its sort, its filters and how many pages are on screen. */
export interface FilmsParams {
  order: FilmOrder;
  duration: DurationBand | '';
  /** "1": only films with captions. */
  captions: '1' | '';
  group: string;
  family: string;
  category: string;
  page: number;
}

/**
 * Pages one link may ask to show at once: "show more" that many times is a few hundred films, and a link
 * claiming more must not make a phone fetch them all.
 */
export const FILMS_PAGES_MAX = 20;

/** Cards per "show more": a dozen posters is a short wait on a slow phone, and a screenful or two. */
export const FILMS_PAGE_SIZE = 12;

const slugOr = (value: string | null) => (value && SLUG_PATTERN.test(value) ? value : '');

/** Reads the URL leniently: a hand-edited or old link shows the films with what it could understand. */
export function readFilmsParams(query: URLSearchParams): FilmsParams {
  const order = query.get('order');
  const duration = query.get('duration');
  return {
    order: FILM_ORDERS.includes(order as FilmOrder) ? (order as FilmOrder) : 'newest',
    duration: DURATION_BAND_SLUGS.includes(duration as DurationBand) ? (duration as DurationBand) : '',
    captions: query.get('captions') === '1' ? '1' : '',
    group: slugOr(query.get('group')),
    family: slugOr(query.get('family')),
    category: slugOr(query.get('category')),
    page: Math.min(FILMS_PAGES_MAX, Math.max(1, Math.trunc(Number(query.get('page'))) || 1)),
  };
}

/** The URL of a state: defaults left out, so the plain list is just /films. */
export function filmsUrl(params: Partial<FilmsParams>): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (!value || (key === 'order' && value === 'newest') || (key === 'page' && value === 1)) continue;
    qs.set(key, String(value));
  }
  const s = qs.toString();
  return s ? `/films?${s}` : '/films';
}

/** The api query of a state, without its page. */
export function filmsQuery(params: FilmsParams, lang: Lang): FilmsQuery {
  return {
    order: params.order,
    duration: params.duration || undefined,
    hasCaptions: params.captions ? true : undefined,
    ethnicGroup: params.group || undefined,
    languageFamily: params.family || undefined,
    category: params.category || undefined,
    lang,
    pageSize: FILMS_PAGE_SIZE,
  };
}
