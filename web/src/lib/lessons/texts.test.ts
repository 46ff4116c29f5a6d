import { describe, expect, it } from 'vitest';
import { lessonsEn } from './texts.en.ts';
import { lessonsVi } from './texts.vi.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe('lesson texts', () => {
  it('have the same keys and placeholders in both languages, none empty', () => {
    expect(Object.keys(lessonsEn).sort()).toEqual(Object.keys(lessonsVi).sort());
    for (const [key, vi] of Object.entries(lessonsVi)) {
      const en = lessonsEn[key as keyof typeof lessonsVi];
      expect(vi.trim() && en.trim(), key).toBeTruthy();
      expect(placeholders(en), key).toEqual(placeholders(vi));
    }
  });
});
