import { describe, expect, it } from 'vitest';
import { SearchVocabulary } from './search-vocabulary.ts';

describe('search vocabulary', () => {
  let labelReads = 0;
  let generation: number | undefined = 1;
  const catalogue = {
    groups: () => [{ name: { vi: "H'Mông", en: 'Hmong' }, otherNames: ['Mèo'] }] as never,
    categories: () => [{ name: { vi: 'Nhạc cụ', en: 'Musical instrument' } }] as never,
    publishedLabels: () => {
      labelReads++;
      return ['Gốm Chăm Bàu Trúc', 'Đất sét, cát'];
    },
  };
  const vocabulary = new SearchVocabulary(catalogue, () => generation);

  it("reads a word typed with tones as itself, one without as the catalogue's words that fold to it", () => {
    expect(vocabulary.readings('Gốm gom mong nhac xyz')).toEqual([
      { term: 'gom', forms: ['gốm'], toned: true },
      { term: 'gom', forms: ['gốm'], toned: false },
      { term: 'mong', forms: ['mông'], toned: false },
      { term: 'nhac', forms: ['nhạc'], toned: false },
      { term: 'xyz', forms: [], toned: false },
    ]);
    expect(vocabulary.readings('hmong')[0]?.forms).toEqual(['hmong', 'hmông']);
  });

  it('reads the catalogue again only when the index changed', () => {
    const before = labelReads;
    vocabulary.readings('gom');
    expect(labelReads).toBe(before);
    generation = 2;
    vocabulary.readings('gom');
    expect(labelReads).toBe(before + 1);
    generation = undefined;
    vocabulary.readings('gom');
    vocabulary.readings('gom');
    expect(labelReads).toBe(before + 3);
  });
});
