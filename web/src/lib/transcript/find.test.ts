import { describe, expect, it } from 'vitest';
import { findInCues, pieces } from './find.ts';

const cues = [
  { text: 'Bộ sưu tập gồm ba chiếc' },
  { text: 'Gốm Chăm nung lộ thiên' },
  { text: 'gom củi, rồi gốm' },
];

describe('findInCues', () => {
  it('folds diacritics: a query without tones finds every form, in transcript order', () => {
    const m = findInCues(cues, 'gom');
    expect(m.map((x) => [x.cue, cues[x.cue]?.text.slice(x.from, x.to)])).toEqual([
      [0, 'gồm'],
      [1, 'Gốm'],
      [2, 'gom'],
      [2, 'gốm'],
    ]);
  });

  it('puts exact-tone matches first when the query has tones', () => {
    const m = findInCues(cues, 'gốm');
    expect(m.map((x) => cues[x.cue]?.text.slice(x.from, x.to))).toEqual(['Gốm', 'gốm', 'gồm', 'gom']);
    expect(m.map((x) => x.exact)).toEqual([true, true, false, false]);
  });

  it('maps matches back to the original text when folding changes lengths', () => {
    const decomposed = [{ text: 'Người Ê\u0300 Đê' }];
    const [m] = findInCues(decomposed, 'e de');
    expect(m && decomposed[0]?.text.slice(m.from, m.to)).toBe('Ê\u0300 Đê');
  });

  it('finds nothing for an empty query', () => {
    expect(findInCues(cues, '  ')).toEqual([]);
  });
});

describe('pieces', () => {
  it('cuts a line around its matches, marking the current one', () => {
    const text = 'gom củi, rồi gốm';
    const m = findInCues([{ text }], 'gom');
    expect(pieces(text, m, m[1])).toEqual([
      ['gom', true, false],
      [' củi, rồi ', false, false],
      ['gốm', true, true],
    ]);
  });
});
