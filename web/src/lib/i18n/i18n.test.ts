import { describe, expect, it } from 'vitest';
import { offlineEn, offlineVi } from '../offline/texts.ts';
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

  it('use the same placeholders in both languages (the offline texts, loaded with their button, too)', () => {
    for (const [viDict, enDict] of [
      [vi, en],
      [offlineVi, offlineEn],
    ] as [Record<string, string>, Record<string, string>][]) {
      const differing = Object.keys(viDict).filter(
        (key) =>
          JSON.stringify(placeholders(viDict[key] ?? '')) !== JSON.stringify(placeholders(enDict[key] ?? '')),
      );
      expect(differing).toEqual([]);
    }
  });
});
