import { describe, expect, it } from 'vitest';
import { formatMegabytes } from './format.ts';

describe('formatMegabytes', () => {
  it('writes the decimal comma in Vietnamese and the point in English', () => {
    expect(formatMegabytes(1_234_000, 'vi')).toBe('1,2 MB');
    expect(formatMegabytes(1_234_000, 'en')).toBe('1.2 MB');
  });

  it('drops the decimal from 10 MB and groups thousands as each language does', () => {
    expect(formatMegabytes(12_600_000, 'vi')).toBe('13 MB');
    expect(formatMegabytes(1_500_000_000, 'vi')).toBe('1.500 MB');
    expect(formatMegabytes(1_500_000_000, 'en')).toBe('1,500 MB');
  });

  it('never says a clip that costs something is free', () => {
    expect(formatMegabytes(20_000, 'en')).toBe('0.1 MB');
    expect(formatMegabytes(0, 'en')).toBe('0.0 MB');
  });
});
