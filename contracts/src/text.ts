import { SLUG_MAX_LENGTH } from './slugs.ts';

const MARKS = /\p{M}/gu;

/**
 * Lower case without diacritics, for matching what people type against names and titles: "Ê Đê" → "e de",
 * "H'Mông" → "h'mong". Every combining mark goes (not only the Latin block's), and đ/Đ and ð/Ð, which Unicode
 * does not decompose, become d. Apostrophes are kept: the search tokenizer decides what they join.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase();
}

/**
 * "Khèn H'Mông" → "khen-hmong": a slug the api accepts, proposed from a title. An apostrophe inside a word
 * (ASCII or typographic) joins it, as people write the name in Latin letters ("Hmong"), not "h-mong".
 */
export function slugify(text: string): string {
  return fold(text)
    .replace(/(?<=[a-z0-9])['’ʼ](?=[a-z0-9])/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
}
