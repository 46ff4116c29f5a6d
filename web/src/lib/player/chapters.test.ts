import { describe, expect, it } from 'vitest';
import { chapterAt } from './chapters.ts';

const chapters = [
  { startSec: 2, endSec: 10, title: { vi: 'Một', en: 'One' } },
  { startSec: 10, endSec: 30, title: { vi: 'Hai', en: 'Two' } },
];

describe('chapterAt', () => {
  it('is the last chapter started by that time, from its very first instant', () => {
    expect(chapterAt(chapters, 2)?.title.vi).toBe('Một');
    expect(chapterAt(chapters, 9.99)?.title.vi).toBe('Một');
    expect(chapterAt(chapters, 10)?.title.vi).toBe('Hai');
    expect(chapterAt(chapters, 500)?.title.vi).toBe('Hai');
  });

  it('is none before the first chapter or without chapters', () => {
    expect(chapterAt(chapters, 1.9)).toBeUndefined();
    expect(chapterAt([], 5)).toBeUndefined();
  });
});
