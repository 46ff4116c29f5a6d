import { describe, expect, it } from 'vitest';
import {
  CAPTION_LANGUAGES,
  captionLanguage,
  captionLanguageName,
  likelyMeant,
  normaliseLanguageTag,
} from './languages.ts';

describe('caption languages', () => {
  it('lists each tag once, each with a name in both languages', () => {
    const tags = CAPTION_LANGUAGES.map((l) => l.tag);
    expect(new Set(tags).size).toBe(tags.length);
    for (const l of CAPTION_LANGUAGES) {
      expect(l.tag).toMatch(/^[a-z]{2,3}$/);
      expect(l.vi.length).toBeGreaterThan(0);
      expect(l.en.length).toBeGreaterThan(0);
    }
  });

  it('knows the minority languages by their ISO 639-3 codes', () => {
    expect(captionLanguageName('tyz', 'vi')).toBe('Tiếng Tày');
    expect(captionLanguageName('blt', 'en')).toBe('Tai Dam (Black Tai)');
    expect(captionLanguageName('rad', 'vi')).toBe('Tiếng Ê Đê');
    expect(captionLanguageName('bdq', 'en')).toBe('Bahnar');
    expect(captionLanguageName('hmn', 'vi')).toBe("Tiếng H'Mông");
  });

  it('accepts a script or region after a known language and refuses the rest', () => {
    expect(captionLanguage('en-GB')?.tag).toBe('en');
    expect(captionLanguage('zh-Hant')?.tag).toBe('zh');
    expect(captionLanguageName('en-GB', 'en')).toBe('English (GB)');
    expect(captionLanguage('vn')).toBeNull();
    expect(captionLanguage('xx')).toBeNull();
    expect(captionLanguage('vi/../x')).toBeNull();
    expect(captionLanguage('en-GB-x-private')).toBeNull();
    expect(captionLanguage('EN')).toBeNull();
  });

  it('puts typed tags in canonical case and guesses common slips', () => {
    expect(normaliseLanguageTag(' EN_gb ')).toBe('en-GB');
    expect(normaliseLanguageTag('zh-hant')).toBe('zh-Hant');
    expect(likelyMeant('vn')).toBe('vi');
    expect(likelyMeant('VIE')).toBe('vi');
    expect(likelyMeant('qq')).toBeNull();
  });
});
