import { describe, expect, it } from 'vitest';
import { chapterClock, chapterProblem, chapterTimeline, sortChapters } from './chapters.ts';
import { CHAPTERS_MAX } from './limits.ts';

const ch = (startSec: number, vi = `Chương ${startSec}`, en = '') => ({ startSec, title: { vi, en } });

describe('sortChapters', () => {
  it('orders by start, trims titles and rounds starts to the millisecond', () => {
    expect(sortChapters([ch(30.0004, ' Múa '), ch(0)])).toEqual([ch(0, 'Chương 0'), ch(30, 'Múa')]);
  });
});

describe('chapterProblem', () => {
  it('accepts an empty list, even without a film', () => {
    expect(chapterProblem([], null)).toBeNull();
  });

  it('accepts sorted chapters inside the clip with a Vietnamese title and no English one', () => {
    expect(chapterProblem([ch(0), ch(12.5), ch(59.9)], 60)).toBeNull();
  });

  it('refuses chapters when there is no film to measure them against', () => {
    expect(chapterProblem([ch(0)], null)).toMatchObject({ index: null, en: /Upload the film first/ });
  });

  it('refuses a start at or past the end of the clip, naming the row and both times', () => {
    const problem = chapterProblem([ch(0), ch(60)], 60);
    expect(problem).toMatchObject({ index: 1, field: 'startSec' });
    expect(problem?.en).toContain('Chapter 2 starts at 1:00');
    expect(problem?.vi).toContain('phim chỉ dài 1:00');
  });

  it('refuses two chapters starting at the same time', () => {
    expect(chapterProblem(sortChapters([ch(10), ch(0), ch(10.0001)]), 60)).toMatchObject({
      index: 2,
      field: 'startSec',
      vi: /cùng bắt đầu lúc 0:10/,
    });
  });

  it('refuses a chapter without a Vietnamese title', () => {
    expect(chapterProblem(sortChapters([ch(0), ch(5, '  ', 'Dance')]), 60)).toMatchObject({
      index: 1,
      field: 'title',
      en: /no Vietnamese title/,
    });
  });

  it(`refuses more than ${CHAPTERS_MAX} chapters`, () => {
    const many = Array.from({ length: CHAPTERS_MAX + 1 }, (_, i) => ch(i));
    expect(chapterProblem(many, 600)).toMatchObject({ index: null, en: /at most 30/ });
    expect(chapterProblem(many.slice(1), 600)).toBeNull();
  });
});

describe('chapterTimeline', () => {
  it('ends each chapter where the next starts and the last at the end of the clip', () => {
    expect(chapterTimeline([ch(0, 'A'), ch(20, 'B')], 45).map((c) => [c.startSec, c.endSec])).toEqual([
      [0, 20],
      [20, 45],
    ]);
  });

  it('drops chapters a newer, shorter film left past its end', () => {
    expect(chapterTimeline([ch(0, 'A'), ch(20, 'B'), ch(50, 'C')], 30).map((c) => c.endSec)).toEqual([
      20, 30,
    ]);
  });
});

describe('chapterClock', () => {
  it('writes m:ss, with tenths only when there are some', () => {
    expect(chapterClock(65)).toBe('1:05');
    expect(chapterClock(12.5)).toBe('0:12.5');
    expect(chapterClock(600)).toBe('10:00');
  });
});
