import { describe, expect, it } from 'vitest';
import type { WordReading } from './engine.ts';
import { exactKey, holdsMeant, keepWord } from './readings.ts';

const has =
  (...forms: string[]) =>
  (f: string) =>
    forms.includes(f);

describe('readings: rank bucket and marks', () => {
  const gomToned: WordReading[] = [{ term: 'gom', forms: ['gốm'], toned: true }];
  const gomPlain: WordReading[] = [{ term: 'gom', forms: ['gốm'], toned: false }];

  it('puts first the documents holding a meant form of every word that has forms', () => {
    expect(holdsMeant(gomToned, has('gốm', 'chăm'))).toBe(true);
    expect(holdsMeant(gomToned, has('gồm'))).toBe(false);
    // A word without forms ("khen": any form will do) does not count.
    expect(holdsMeant([...gomPlain, { term: 'khen', forms: [], toned: false }], has('gốm'))).toBe(true);
    expect(holdsMeant(undefined, has())).toBe(true);
  });

  it('typed with tones, marks only the word typed, in every document', () => {
    const keep = keepWord(gomToned, has('gồm'));
    expect(keep?.('gồm')).toBe(false);
    expect(keep?.('Gốm')).toBe(true);
    // Words no reading stands for (a typo correction, another word of the query) stay marked.
    expect(keep?.('chiêng')).toBe(true);
  });

  it("without tones, marks the catalogue's word where the document has it, else what matched", () => {
    expect(keepWord(gomPlain, has('gốm', 'gồm'))?.('gồm')).toBe(false);
    expect(keepWord(gomPlain, has('gồm'))?.('gồm')).toBe(true);
    // Nothing preferred: nothing to filter.
    expect(keepWord([{ term: 'khen', forms: [], toned: false }], has())).toBeUndefined();
  });

  it('reads the last word as a prefix (still being typed) and joins apostrophes', () => {
    const typing: WordReading[] = [{ term: 'go', forms: ['gố'], toned: true }];
    expect(keepWord(typing, has())?.('gốm')).toBe(true);
    expect(keepWord(typing, has())?.('gồm')).toBe(false);
    const hmong: WordReading[] = [{ term: 'hmong', forms: ['hmông'], toned: false }];
    expect(keepWord(hmong, has('hmông'))?.("H'Mông")).toBe(true);
  });

  it('writes exact forms as ASCII filter keys, one to one', () => {
    expect(exactKey('gốm')).toBe('g_1ed1m');
    expect(exactKey('gồm')).not.toBe(exactKey('gốm'));
    expect(exactKey('khen')).toBe('khen');
  });
});
