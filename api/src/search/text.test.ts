import { describe, expect, it } from 'vitest';
import { compact, highlight, indexTerms, plainQuery, queryTerm, snippet } from './text.ts';

// The text rules both engines' documents and the embedded engine's highlighting rely on.
describe('search text', () => {
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
    const s = snippet(words.join(' '), new Set(['khen']), undefined, 20);
    expect(s.startsWith('… ')).toBe(true);
    expect(s.endsWith(' …')).toBe(true);
    expect(s).toContain('<mark>khèn</mark>');
    expect(s.split(' ').filter((w) => w !== '…')).toHaveLength(20);
    expect(snippet('no match at all', new Set(['khen']))).toBe('');
    expect(snippet('short khèn story', new Set(['khen']))).toBe('short <mark>khèn</mark> story');
  });

  it('finds the first match of a long text however far in, a two-word name included', async () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`);
    // Words 63 and 64: a name across the edge of the first words scanned (two excerpts' worth).
    words[63] = 'Ê';
    words[64] = 'Đê';
    words[1500] = 'khèn';
    const text = words.join(' ');
    expect(snippet(text, new Set(['ede']))).toContain('<mark>Ê Đê</mark>');
    // Even when its first word alone is also a match.
    expect(snippet(text, new Set(['e', 'ede']))).toContain('<mark>Ê Đê</mark>');
    // The excerpt keeps its full length across that edge.
    const near = snippet(text, new Set(['w50']));
    expect(near.split(' ').filter((w) => w !== '…')).toHaveLength(32);
    const late = snippet(text, new Set(['khen']));
    expect(late).toContain('w1499 <mark>khèn</mark> w1501');
    expect(late.startsWith('… w1492 ')).toBe(true);
    expect(late.endsWith(' w1523 …')).toBe(true);
    // A match among the last words: the excerpt runs to the end of the text, punctuation included.
    const ending = `${words.slice(0, 1400).join(' ')} khèn.`;
    expect(snippet(ending, new Set(['khen'])).endsWith('w1399 <mark>khèn</mark>.')).toBe(true);
  });
});

describe('plainQuery', () => {
  it('searches a phrase as its words and leaves out an excluded word, keeping hyphens inside names', () => {
    expect(plainQuery('"cồng chiêng" Tây Nguyên')).toBe('cồng chiêng Tây Nguyên');
    expect(plainQuery('khèn -hmong')).toBe('khèn');
    expect(plainQuery('-khèn')).toBe('');
    expect(plainQuery('Ê-đê')).toBe('Ê-đê');
  });
});
