import { describe, expect, it } from 'vitest';
import { controlOf, emptyForm, inputOf, moved, newItem } from './exhibition-form.ts';

describe('exhibition form', () => {
  it('moves an item one place, and not past either end', () => {
    expect(moved(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moved(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('sends times as typed (numbers, comma decimals), empty ones as a whole film, and a slug from the title', () => {
    const form = emptyForm();
    form.title.vi = 'Sống cùng cây lúa';
    const a = newItem({ slug: 'xe-quet', title: { vi: 'Xe', en: 'Sledge' } });
    const b = { ...newItem({ slug: 'che', title: { vi: 'Ché', en: 'Jar' } }), start: '2,5', end: '9' };
    const c = { ...newItem({ slug: 'trong', title: { vi: 'Trống', en: 'Drum' } }), start: 3, end: null };
    form.items = [a, b, c];
    form.cover = 'gone';
    expect(inputOf(form)).toEqual({
      slug: 'song-cung-cay-lua',
      title: { vi: 'Sống cùng cây lúa', en: '' },
      intro: { vi: '', en: '' },
      cover: null,
      items: [
        { artifact: 'xe-quet', text: { vi: '', en: '' } },
        { artifact: 'che', startSec: 2.5, endSec: 9, text: { vi: '', en: '' } },
        { artifact: 'trong', startSec: 3, text: { vi: '', en: '' } },
      ],
    });
  });

  it('points an api error at its control', () => {
    expect(controlOf('items.3.endSec')).toBe('item-3-end');
    expect(controlOf('items.0.startSec')).toBe('item-0-start');
    expect(controlOf('title.vi')).toBe('ex-title-vi');
    expect(controlOf('slug')).toBe('ex-slug');
    expect(controlOf(undefined)).toBeUndefined();
  });
});
