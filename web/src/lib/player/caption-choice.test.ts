import { describe, expect, it } from 'vitest';
import { rememberCaptions, rememberedCaptions, startingCaptions } from './caption-choice.ts';

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

const vi = { lang: 'vi', source: 'human' as const };
const en = { lang: 'en', source: 'human' as const };
const hmn = { lang: 'hmn', source: 'human' as const };
const enMachine = { lang: 'en', source: 'machine' as const };

describe('the captions a clip starts with', () => {
  it("shows the page's language on a first visit", () => {
    expect(startingCaptions([en, vi], 'vi', undefined)).toBe('vi');
    expect(startingCaptions([vi, en], 'en', undefined)).toBe('en');
  });

  it('falls back to the first track a person wrote, never an unchecked machine one', () => {
    expect(startingCaptions([enMachine, hmn], 'vi', undefined)).toBe('hmn');
    expect(startingCaptions([enMachine], 'vi', undefined)).toBeNull();
    expect(startingCaptions([{ lang: 'fr' }], 'vi', undefined)).toBe('fr');
    expect(startingCaptions([], 'vi', undefined)).toBeNull();
  });

  it("keeps the visitor's own choice, off included; a language the clip lacks falls back", () => {
    expect(startingCaptions([vi, en], 'vi', null)).toBeNull();
    expect(startingCaptions([vi, en], 'vi', 'en')).toBe('en');
    expect(startingCaptions([vi, hmn], 'vi', 'en')).toBe('vi');
  });
});

describe('remembering the caption choice', () => {
  it('stores a language and off, and tells a first visit apart', () => {
    const store = memoryStore();
    expect(rememberedCaptions(store)).toBeUndefined();
    rememberCaptions(store, null);
    expect(rememberedCaptions(store)).toBeNull();
    rememberCaptions(store, 'en');
    expect(rememberedCaptions(store)).toBe('en');
  });

  it('acts as a first visit where storage throws', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(() => rememberCaptions(refusing, 'vi')).not.toThrow();
    expect(rememberedCaptions(refusing)).toBeUndefined();
    expect(rememberedCaptions(undefined)).toBeUndefined();
  });
});
