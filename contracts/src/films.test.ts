import { describe, expect, it } from 'vitest';
import { durationBand } from './films.ts';

describe('durationBand', () => {
  it('puts each length in one band, each band holding its lower bound', () => {
    expect(durationBand(0)).toBe('short');
    expect(durationBand(119.9)).toBe('short');
    expect(durationBand(120)).toBe('medium');
    expect(durationBand(299.99)).toBe('medium');
    expect(durationBand(300)).toBe('long');
    expect(durationBand(7200)).toBe('long');
  });
});
