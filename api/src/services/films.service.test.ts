import type { ArtifactSummary, Localized } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import type { FilmRow } from '../repositories/films.repository.ts';
import { FilmsService } from './films.service.ts';

let nextId = 0;
const film = (over: Partial<FilmRow>): FilmRow => {
  nextId += 1;
  return {
    id: nextId,
    slug: `film-${nextId}`,
    title: { vi: `Phim ${nextId}`, en: `Film ${nextId}` },
    publishedAt: nextId,
    category: 'textile',
    ethnicGroups: ['hmong'],
    languageFamilies: ['mong-dao'],
    durationSec: 60,
    hasCaptions: false,
    ...over,
  };
};

function service(rows: FilmRow[]) {
  const asked: number[][] = [];
  const names = (entries: [string, Localized][]) => new Map(entries);
  const films = new FilmsService({
    films: { films: () => rows },
    summaries: (ids) => {
      asked.push(ids);
      return ids.map((id) => ({ slug: rows.find((r) => r.id === id)?.slug }) as ArtifactSummary);
    },
    names: () => ({
      ethnicGroup: names([
        ['hmong', { vi: "H'Mông", en: 'Hmong' }],
        ['dao', { vi: 'Dao', en: 'Dao' }],
        ['e-de', { vi: 'Ê Đê', en: 'Ede' }],
      ]),
      languageFamily: names([['mong-dao', { vi: 'Mông–Dao', en: 'Hmong–Mien' }]]),
      category: names([['textile', { vi: 'Dệt', en: 'Textile' }]]),
    }),
  });
  return { films, asked };
}

describe('FilmsService', () => {
  it('orders titles with Vietnamese collation, falling back to the other language when one is empty', () => {
    const rows = [
      film({ slug: 'u', title: { vi: 'Ủi', en: '' } }),
      film({ slug: 'd-stroke', title: { vi: 'Đàn', en: '' } }),
      film({ slug: 'e', title: { vi: 'Êm', en: 'Calm' } }),
      film({ slug: 'd', title: { vi: 'Dao', en: '' } }),
      film({ slug: 'a-breve', title: { vi: 'Ăn', en: '' } }),
      film({ slug: 'a', title: { vi: 'Áo', en: '' } }),
    ];
    const { films } = service(rows);
    const order = (lang: 'vi' | 'en') => films.list({ order: 'title', lang }).items.map((i) => i.slug);
    expect(order('vi')).toEqual(['a', 'a-breve', 'd', 'd-stroke', 'e', 'u']);
    // English: "Calm" sorts among the Vietnamese titles that stand in for missing English ones.
    expect(order('en')).toEqual(['a', 'a-breve', 'e', 'd', 'd-stroke', 'u']);
  });

  it('asks for the cards of the page only', () => {
    const rows = Array.from({ length: 7 }, () => film({}));
    const { films, asked } = service(rows);
    const page = films.list({ order: 'newest', page: 2, pageSize: 3 });
    expect(page.total).toBe(7);
    expect(asked).toEqual([[rows[3]?.id, rows[2]?.id, rows[1]?.id]]);
  });

  it('names facet values A–Z in the language asked, and keeps a chosen value with no film', () => {
    const rows = [film({ ethnicGroups: ['e-de'] }), film({ ethnicGroups: ['dao', 'hmong'] })];
    const { films } = service(rows);
    const groups = films.list({ lang: 'vi' }).facets.ethnicGroup.map((v) => v.slug);
    expect(groups).toEqual(['dao', 'e-de', 'hmong']);
    const chosen = films.list({ category: 'pottery' }).facets.category;
    expect(chosen).toEqual([
      { slug: 'textile', name: { vi: 'Dệt', en: 'Textile' }, count: 2 },
      { slug: 'pottery', name: { vi: 'pottery', en: 'pottery' }, count: 0 },
    ]);
  });
});
