import { describe, expect, it } from 'vitest';
import { formatLessonCode, LESSON_CODE_ALPHABET, normalizeLessonCode } from './lesson-code.ts';

describe('lesson codes', () => {
  it('leave out every character that reads as another', () => {
    for (const ch of '01OILU AEIOUY') expect(LESSON_CODE_ALPHABET).not.toContain(ch);
    expect(new Set(LESSON_CODE_ALPHABET).size).toBe(LESSON_CODE_ALPHABET.length);
  });

  it('accept what a pupil types: lower case, a dash, spaces', () => {
    expect(normalizeLessonCode('bcd-234')).toBe('BCD234');
    expect(normalizeLessonCode(' BCD 234 ')).toBe('BCD234');
    expect(normalizeLessonCode('bcd–234')).toBe('BCD234');
  });

  it('refuse what cannot be a code', () => {
    expect(normalizeLessonCode('BCD23')).toBeUndefined();
    expect(normalizeLessonCode('BCD2345')).toBeUndefined();
    expect(normalizeLessonCode('BCD0O1')).toBeUndefined();
    expect(normalizeLessonCode('<b>x</b>')).toBeUndefined();
  });

  it('show a code in two halves', () => {
    expect(formatLessonCode('BCD234')).toBe('BCD-234');
  });
});
