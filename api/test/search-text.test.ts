import { describe, expect, it } from 'vitest';
import { compact, fold, highlight, indexTerms, queryTerm, snippet } from '../src/search/text.ts';

// The text rules both engines' documents and the embedded engine's highlighting rely on.
describe('search text', () => {
  it('folds Vietnamese diacritics, đ included, and case', () => {
    expect(fold('Cồng chiêng ĐÀN TÍNH Ê Đê')).toBe('cong chieng dan tinh e de');
    expect(fold('Mường Sơn La Hà Giang')).toBe('muong son la ha giang');
    // Decomposed input (NFD from some keyboards) folds the same as composed.
    expect(fold('Mông'.normalize('NFD'))).toBe('mong');
  });

  it('writes names as one word without apostrophes or separators', () => {
    expect(compact("H'Mông")).toBe('hmong');
    expect(compact('H’Mông')).toBe('hmong');
    expect(compact('Ê Đê')).toBe('ede');
    expect(compact('Ê-đê')).toBe('ede');
  });

  it('indexes a word with an apostrophe whole and by its parts; a query means the whole', () => {
    expect(indexTerms("H'Mông")).toEqual(['hmong', 'mong']);
    expect(indexTerms('Khèn')).toEqual(['khen']);
    expect(queryTerm("H'Mông")).toBe('hmong');
  });

  it('marks matches in the original text and escapes everything else', () => {
    expect(highlight('Ché rượu cần Ê Đê', new Set(['ede']))).toBe('Ché rượu cần <mark>Ê Đê</mark>');
    expect(highlight("Khèn H'Mông <b>", new Set(['hmong']))).toBe('Khèn <mark>H&#39;Mông</mark> &lt;b&gt;');
    expect(highlight('<script>x</script> & khèn', new Set(['khen']))).toBe(
      '&lt;script&gt;x&lt;/script&gt; &amp; <mark>khèn</mark>',
    );
    expect(highlight('nothing here', new Set())).toBe('nothing here');
  });

  it('cuts a snippet around the first match, with ellipses where it was cut', () => {
    const words = Array.from({ length: 80 }, (_, i) => `w${i}`);
    words[50] = 'khèn';
    const s = snippet(words.join(' '), new Set(['khen']), 20);
    expect(s.startsWith('… ')).toBe(true);
    expect(s.endsWith(' …')).toBe(true);
    expect(s).toContain('<mark>khèn</mark>');
    expect(s.split(' ').filter((w) => w !== '…')).toHaveLength(20);
    expect(snippet('no match at all', new Set(['khen']))).toBe('');
    expect(snippet('short khèn story', new Set(['khen']))).toBe('short <mark>khèn</mark> story');
  });
});
