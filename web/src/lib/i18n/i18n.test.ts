import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { vi } from './vi.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it('have no empty values', () => {
    for (const dict of [vi, en]) {
      const empty = Object.entries(dict).filter(([, text]) => !text.trim());
      expect(empty).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const differing = Object.keys(vi).filter(
      (key) =>
        JSON.stringify(placeholders(vi[key as keyof typeof vi])) !==
        JSON.stringify(placeholders(en[key as keyof typeof en])),
    );
    expect(differing).toEqual([]);
  });
});
