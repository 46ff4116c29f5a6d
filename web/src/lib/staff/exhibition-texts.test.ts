import { describe, expect, it } from 'vitest';
import { enStaffExhibitions, viStaffExhibitions } from './exhibition-texts.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)[|}]/g)].map((m) => m[1]).sort();

describe('the staff exhibition texts', () => {
  it('have the same keys and placeholders in both languages, none empty', () => {
    expect(Object.keys(enStaffExhibitions).sort()).toEqual(Object.keys(viStaffExhibitions).sort());
    for (const [key, vi] of Object.entries(viStaffExhibitions)) {
      const en = enStaffExhibitions[key as keyof typeof viStaffExhibitions];
      expect(vi.trim() && en.trim(), key).toBeTruthy();
      expect([...new Set(placeholders(en))], key).toEqual([...new Set(placeholders(vi))]);
    }
  });
});
