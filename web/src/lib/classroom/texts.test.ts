import { describe, expect, it } from 'vitest';
import { classroomEn } from './texts.en.ts';
import { classroomVi } from './texts.vi.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe('classroom texts', () => {
  it('have the same keys and placeholders in both languages, none empty', () => {
    expect(Object.keys(classroomEn).sort()).toEqual(Object.keys(classroomVi).sort());
    for (const [key, vi] of Object.entries(classroomVi)) {
      const en = classroomEn[key as keyof typeof classroomVi];
      expect(vi.trim() && en.trim(), key).toBeTruthy();
      expect(placeholders(en), key).toEqual(placeholders(vi));
    }
  });
});
