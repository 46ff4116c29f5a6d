import { describe, expect, it } from 'vitest';
import { classroomEn } from '../classroom/texts.en.ts';
import { classroomVi } from '../classroom/texts.vi.ts';
import { lessonsEn } from './texts.en.ts';
import { lessonsVi } from './texts.vi.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

// The teachers' pages carry their own dictionaries, out of the site's: the lessons' and classroom mode's.
describe.each([
  ['lesson', lessonsVi, lessonsEn],
  ['classroom', classroomVi, classroomEn],
] as [string, Record<string, string>, Record<string, string>][])('%s texts', (_, vi, en) => {
  it('have the same keys and placeholders in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of Object.entries(vi)) {
      const other = en[key] ?? '';
      expect(text.trim() && other.trim(), key).toBeTruthy();
      expect(placeholders(other), key).toEqual(placeholders(text));
    }
  });
});
