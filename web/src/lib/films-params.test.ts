import { describe, expect, it } from 'vitest';
import { FILMS_PAGE_SIZE, FILMS_PAGES_MAX, filmsQuery, filmsUrl, readFilmsParams } from './films-params.ts';

const read = (qs: string) => readFilmsParams(new URLSearchParams(qs));

describe('the films page URL', () => {
  it('round-trips a state through its URL', () => {
    const state = {
      order: 'title',
      duration: 'medium',
      captions: '1',
      group: 'hmong',
      family: 'mong-dao',
      category: 'textile',
      page: 3,
    } as const;
    const url = filmsUrl(state);
    expect(url).toBe(
      '/films?order=title&duration=medium&captions=1&group=hmong&family=mong-dao&category=textile&page=3',
    );
    expect(read(url.split('?')[1] ?? '')).toEqual(state);
  });

  it('leaves defaults out, so the plain list is /films', () => {
    expect(filmsUrl(read(''))).toBe('/films');
    expect(read('')).toMatchObject({ order: 'newest', duration: '', captions: '', page: 1 });
  });

  it('ignores what it cannot understand instead of asking the api for an error', () => {
    expect(read('order=longest&duration=huge&captions=yes&group=%3Cscript%3E&page=-4')).toMatchObject({
      order: 'newest',
      duration: '',
      captions: '',
      group: '',
      page: 1,
    });
    expect(read('page=99999').page).toBe(FILMS_PAGES_MAX);
  });

  it('turns a state into the api query, with no empty filter', () => {
    expect(filmsQuery(read('captions=1&family=tay-thai'), 'en')).toEqual({
      order: 'newest',
      duration: undefined,
      hasCaptions: true,
      ethnicGroup: undefined,
      languageFamily: 'tay-thai',
      category: undefined,
      lang: 'en',
      pageSize: FILMS_PAGE_SIZE,
    });
  });
});
