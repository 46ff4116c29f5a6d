import { locale } from '../i18n/i18n.svelte.ts';
import { fillMessage } from '../i18n/message.ts';
import { lessonsEn } from './texts.en.ts';
import { lessonsVi } from './texts.vi.ts';

export type LessonKey = keyof typeof lessonsVi;

/** A lesson page's text in the current language, filled as `t` fills the site's (see i18n/message.ts). */
export function tl(key: LessonKey, params: Record<string, string | number> = {}): string {
  return fillMessage((locale.lang === 'en' ? lessonsEn : lessonsVi)[key], params, locale.lang);
}
