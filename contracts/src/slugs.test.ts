import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from './slugs.ts';

describe('the slug pattern', () => {
  it('accepts lowercase words joined by single hyphens', () => {
    for (const good of ['khen-h-mong', 'e-de', 'btdt-2019-0142', 'a'])
      expect(SLUG_PATTERN.test(good)).toBe(true);
  });

  it('refuses capitals, diacritics, doubled and outer hyphens, and nothing', () => {
    for (const bad of ['Khen', 'khen--mong', '-khen', 'khen-', 'khèn', ''])
      expect(SLUG_PATTERN.test(bad)).toBe(false);
  });
});
