import { describe, expect, it } from 'vitest';
import { EXCERPT_MIN_SEC, excerptProblem } from './excerpt.ts';

describe('excerptProblem', () => {
  it('accepts the whole film, an excerpt and an excerpt ending at the rounded end', () => {
    expect(excerptProblem({}, 60)).toBeUndefined();
    expect(excerptProblem({ start: 10, end: 20 }, 60)).toBeUndefined();
    expect(excerptProblem({ start: 50 }, 60)).toBeUndefined();
    expect(excerptProblem({ start: 50, end: 60.4 }, 60)).toBeUndefined();
  });

  it('names what is wrong', () => {
    expect(excerptProblem({ start: -1, end: 5 }, 60)).toBe('negative');
    expect(excerptProblem({ start: 20, end: 10 }, 60)).toBe('end-before-start');
    expect(excerptProblem({ start: 20, end: 20 }, 60)).toBe('end-before-start');
    expect(excerptProblem({ start: 20, end: 20 + EXCERPT_MIN_SEC / 2 }, 60)).toBe('too-short');
    expect(excerptProblem({ start: 61 }, 60)).toBe('beyond-end');
    expect(excerptProblem({ start: 10, end: 90 }, 60)).toBe('beyond-end');
  });
});
