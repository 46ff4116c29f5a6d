import { DURATION_BANDS, durationBand, type FilmOrder } from '@artifact-stories/contracts/films';
import { ARTIFACTS_PAGE } from '@artifact-stories/contracts/limits';
import type {
  ArtifactSummary,
  FacetValue,
  FilmsPage,
  FilmsQuery,
  Localized,
} from '@artifact-stories/contracts/schemas';
import type { FilmRow, FilmsRepository } from '../repositories/films.repository.ts';
import { inLang } from './reach/links.ts';

type Names = Map<string, Localized>;

export interface FilmsDeps {
  films: Pick<FilmsRepository, 'films'>;
  /** The cards of these artifacts, in this order (CatalogueService.summariesOf). */
  summaries: (ids: number[]) => ArtifactSummary[];
  /** Names of the facet values. */
  names: () => { ethnicGroup: Names; languageFamily: Names; category: Names };
}

/**
 * Titles A–Z as a Vietnamese reader expects (Đ after D, ơ after o, tones after the bare letter), in either
 * language: English titles carry Vietnamese names too. Case and tone-insensitive first, then by tone.
 */
const collator = new Intl.Collator('vi', { sensitivity: 'base' });
const tieBreak = new Intl.Collator('vi');

type Dimension = 'duration' | 'hasCaptions' | 'ethnicGroup' | 'languageFamily' | 'category';

/** Whether a film passes one filter of the query (an unset filter passes everything). */
function passes(film: FilmRow, query: FilmsQuery, dim: Dimension): boolean {
  switch (dim) {
    case 'duration':
      return !query.duration || durationBand(film.durationSec) === query.duration;
    case 'hasCaptions':
      return query.hasCaptions === undefined || film.hasCaptions === query.hasCaptions;
    case 'ethnicGroup':
      return !query.ethnicGroup || film.ethnicGroups.includes(query.ethnicGroup);
    case 'languageFamily':
      return !query.languageFamily || film.languageFamilies.includes(query.languageFamily);
    case 'category':
      return !query.category || film.category === query.category;
  }
}

const DIMENSIONS: Dimension[] = ['duration', 'hasCaptions', 'ethnicGroup', 'languageFamily', 'category'];

function comparator(order: FilmOrder, lang: keyof Localized): (a: FilmRow, b: FilmRow) => number {
  const byTitle = (a: FilmRow, b: FilmRow) => {
    const x = inLang(a.title, lang);
    const y = inLang(b.title, lang);
    return collator.compare(x, y) || tieBreak.compare(x, y) || a.id - b.id;
  };
  if (order === 'title') return byTitle;
  if (order === 'shortest') return (a, b) => a.durationSec - b.durationSec || byTitle(a, b);
  return (a, b) => b.publishedAt - a.publishedAt || b.id - a.id;
}

/**
 * The "all films" listing: every published artifact with a ready film, filtered, sorted and counted. The
 * catalogue is hundreds of films, not millions, and Vietnamese A–Z is not an order SQLite knows, so the rows
 * are read at once (one query, no media files) and the decisions are made here.
 */
export class FilmsService {
  constructor(private readonly deps: FilmsDeps) {}

  list(query: FilmsQuery): FilmsPage {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? ARTIFACTS_PAGE.default;
    const lang = query.lang ?? 'vi';
    // One pass: a film passing every filter is listed and counted in every facet; one failing a single
    // filter is counted in that filter's facet only (what choosing another value there would give).
    const matching: FilmRow[] = [];
    const tally = new Tally();
    for (const film of this.deps.films.films()) {
      const failed = DIMENSIONS.filter((d) => !passes(film, query, d));
      if (failed.length > 1) continue;
      if (failed.length === 0) matching.push(film);
      tally.add(film, failed[0]);
    }
    matching.sort(comparator(query.order ?? 'newest', lang));
    const ids = matching.slice((page - 1) * pageSize, page * pageSize).map((f) => f.id);
    return {
      items: this.deps.summaries(ids),
      total: matching.length,
      page,
      pageSize,
      facets: this.facets(tally, query, lang),
    };
  }

  private facets(tally: Tally, query: FilmsQuery, lang: keyof Localized): FilmsPage['facets'] {
    const names = this.deps.names();
    const facet = (dim: 'ethnicGroup' | 'languageFamily' | 'category') => {
      const counts = tally.values[dim];
      const chosen = query[dim];
      if (chosen && !counts.has(chosen)) counts.set(chosen, 0);
      return named(counts, names[dim], lang);
    };
    return {
      duration: DURATION_BANDS.map((b) => ({ slug: b.slug, count: tally.bands.get(b.slug) ?? 0 })).filter(
        (b) => b.count > 0 || b.slug === query.duration,
      ),
      ethnicGroup: facet('ethnicGroup'),
      languageFamily: facet('languageFamily'),
      category: facet('category'),
      hasCaptions: tally.captions,
    };
  }
}

/** Facet counts: each film counted in every facet, or only in the one facet whose filter it fails. */
class Tally {
  readonly bands = new Map<string, number>();
  readonly values = {
    ethnicGroup: new Map<string, number>(),
    languageFamily: new Map<string, number>(),
    category: new Map<string, number>(),
  };
  captions = 0;

  add(film: FilmRow, onlyIn: Dimension | undefined): void {
    const counts = (dim: Dimension) => onlyIn === undefined || onlyIn === dim;
    const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
    if (counts('duration')) bump(this.bands, durationBand(film.durationSec));
    if (counts('hasCaptions') && film.hasCaptions) this.captions += 1;
    if (counts('ethnicGroup')) for (const g of film.ethnicGroups) bump(this.values.ethnicGroup, g);
    if (counts('languageFamily')) for (const f of film.languageFamilies) bump(this.values.languageFamily, f);
    if (counts('category')) bump(this.values.category, film.category);
  }
}

/** Values with their names, A–Z in the visitor's language (a list to scan, unlike search's largest-first). */
function named(counts: Map<string, number>, names: Names, lang: keyof Localized): FacetValue[] {
  return [...counts]
    .map(([slug, count]) => ({ slug, name: names.get(slug) ?? { vi: slug, en: slug }, count }))
    .sort((a, b) => collator.compare(inLang(a.name, lang), inLang(b.name, lang)));
}
