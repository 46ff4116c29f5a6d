import { describe, expect, it } from 'vitest';
import { langOf } from './lang.ts';

describe('langOf (Accept-Language → the language of messages)', () => {
  it('answers in Vietnamese only when vi ranks above en', () => {
    const cases: [string | string[] | undefined, 'vi' | 'en'][] = [
      ['vi', 'vi'],
      ['vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7', 'vi'],
      ['VI-vn', 'vi'],
      ['en-US,en;q=0.9,vi;q=0.8', 'en'],
      ['en;q=0.5, vi;q=0.8', 'vi'],
      ['fr-FR,fr;q=0.9,vi;q=0.5', 'vi'], // the best language the site has
      ['vi;q=0, en', 'en'], // q=0 means "not this one"
      ['vi, en', 'vi'], // a tie goes to the one listed first
      ['en, vi', 'en'],
      [['de', 'vi;q=0.4'], 'vi'],
      ['fr, de', 'en'],
      ['*', 'en'],
      ['', 'en'],
      [undefined, 'en'],
      ['vietnamese', 'en'],
    ];
    for (const [header, lang] of cases) expect(langOf(header), JSON.stringify(header)).toBe(lang);
  });
});
