import { describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../src/search/embedded.ts';
import type { SearchDocument } from '../src/search/engine.ts';
import { makeTestApp } from './helpers.ts';
import { searchContract } from './search-contract.ts';

// The default engine, in the api process: the whole contract, over real HTTP on a real SQLite file.
searchContract('embedded', async () => {
  const { app } = await makeTestApp({ catalogue: true });
  return { app, close: () => app.close() };
});

describe('embedded engine specifics', () => {
  const doc = (id: number, title: string, story: string, names: string[]): SearchDocument => ({
    id,
    slug: `doc-${id}`,
    title: { vi: title, en: '' },
    story: { vi: story, en: '' },
    ethnicGroups: ['e-de'],
    ethnicGroupNames: names,
    languageFamilies: ['nam-dao'],
    category: 'household',
    region: { vi: 'Đắk Lắk', en: 'Dak Lak' },
    material: { vi: 'Gốm', en: 'Clay' },
    hasCaptions: false,
    cues: [],
    publishedAt: id,
  });

  it('marks a group name matched through the group field in the title too, and shows the English title when the Vietnamese is empty', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.upsert([doc(1, 'Ché rượu cần Ê Đê', 'Ché dùng trong lễ hội.', ['Ê Đê', 'ede', 'Rhade'])]);
    const r = await engine.search({ q: 'ede', lang: 'vi', filters: {}, page: 1, pageSize: 5 });
    expect(r.hits[0]?.titleHtml).toBe('Ché rượu cần <mark>Ê Đê</mark>');
    // The story did not match: no excerpt.
    expect(r.hits[0]?.snippetHtml).toBe('');
    const en = await engine.search({ q: 'rhade', lang: 'en', filters: {}, page: 1, pageSize: 5 });
    expect(en.hits[0]?.titleHtml).toBe('Ché rượu cần Ê Đê');
  });

  it('ranks a match in the spoken words alone below a story match, whatever their scores', async () => {
    const engine = new EmbeddedSearchEngine();
    const long = 'Ché dùng trong lễ hội của làng, bên bếp lửa nhà sàn, khi có khách quý. '.repeat(6);
    const spoken = {
      ...doc(2, 'Ché nhỏ', '', []),
      hasCaptions: true,
      cues: [{ lang: 'vi', start: 70, end: 72, text: 'Khèn ơi khèn, tiếng khèn' }],
    };
    await engine.upsert([doc(1, 'Ché', `${long} Có tiếng khèn.`, []), spoken]);
    const r = await engine.search({ q: 'khèn', lang: 'vi', filters: {}, page: 1, pageSize: 5 });
    // By BM25 alone the short, thrice-said cue line would come first.
    expect(r.hits.map((h) => h.id)).toEqual([1, 2]);
    expect(r.hits[1]?.cues).toEqual([
      { lang: 'vi', start: 70, html: '<mark>Khèn</mark> ơi <mark>khèn</mark>, tiếng <mark>khèn</mark>' },
    ]);
    expect(r.facets.hasCaptions).toBe(1);
  });

  it('forgets a removed document and filters by region in either language, ignoring diacritics', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.upsert([doc(1, 'Ché', 'Gốm', []), doc(2, 'Ché nhỏ', 'Gốm', [])]);
    const byRegion = (region: string) =>
      engine.search({ q: 'che', lang: 'vi', filters: { region }, page: 1, pageSize: 5 });
    expect((await byRegion('dak lak')).total).toBe(2);
    expect((await byRegion('Đắk Lắk')).total).toBe(2);
    expect((await byRegion('Gia Lai')).total).toBe(0);
    await engine.remove([1]);
    const r = await engine.search({ q: 'che', lang: 'vi', filters: {}, page: 1, pageSize: 5 });
    expect(r.hits.map((h) => h.id)).toEqual([2]);
    expect(await engine.documentCount()).toBe(1);
  });
});
