import { describe, expect, it } from 'vitest';
import { parseChapterTime } from './chapter-time.ts';

describe('parseChapterTime', () => {
  it('reads m:ss, plain seconds, tenths and h:mm:ss', () => {
    expect(parseChapterTime('1:05')).toBe(65);
    expect(parseChapterTime(' 0:12.5 ')).toBe(12.5);
    expect(parseChapterTime('0:12,5')).toBe(12.5);
    expect(parseChapterTime('65')).toBe(65);
    expect(parseChapterTime('1:02:05')).toBe(3725);
    expect(parseChapterTime('0:07.46')).toBe(7.5);
  });

  it('refuses what is not a time, and seconds or minutes past 59', () => {
    for (const bad of ['', 'abc', '1:', ':05', '1:75', '1:60:00', '-5', '1:2:3:4', '1.5:00'])
      expect(parseChapterTime(bad), bad).toBeNull();
  });
});
