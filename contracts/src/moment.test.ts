import { describe, expect, it } from 'vitest';
import { momentParam, parseMoment, parseTime } from './moment.ts';

describe('parseTime', () => {
  it.each([
    ['42', 42],
    ['42.5', 42.5],
    ['0', 0],
    ['1:02', 62],
    ['01:02:03', 3723],
    ['1m2s', 62],
    ['2m', 120],
    ['45s', 45],
    ['1h2m3s', 3723],
    [' 7 ', 7],
  ])('reads %s as %d s', (text, seconds) => {
    expect(parseTime(text)).toBe(seconds);
  });

  it.each(['', 'abc', '-3', '1:75', '1m2', '1:2:3:4', 'Infinity', '1e3', '90000'])('refuses %j', (text) => {
    expect(parseTime(text)).toBeUndefined();
  });
});

describe('parseMoment', () => {
  it('reads a single time, as search hits link it', () => {
    expect(parseMoment('42')).toEqual({ start: 42 });
    expect(parseMoment('3.5')).toEqual({ start: 3.5 });
  });

  it('reads a range in any of the forms', () => {
    expect(parseMoment('42,70')).toEqual({ start: 42, end: 70 });
    expect(parseMoment('1:02,1m10s')).toEqual({ start: 62, end: 70 });
  });

  it('drops a range that does not move forward, and anything else', () => {
    for (const bad of ['70,42', '5,5', '1,2,3', ',5', '5,', 'x', null, undefined, '9'.repeat(50)]) {
      expect(parseMoment(bad), String(bad)).toBeUndefined();
    }
  });

  it('writes whole seconds back', () => {
    expect(momentParam({ start: 42.9 })).toBe('42');
    expect(momentParam({ start: 42, end: 70.2 })).toBe('42,70');
    expect(parseMoment(momentParam({ start: 12, end: 30 }))).toEqual({ start: 12, end: 30 });
  });
});
