import { locale } from '../i18n/i18n.svelte.ts';
import { fillMessage } from '../i18n/message.ts';
import { classroomEn } from './texts.en.ts';
import { classroomVi } from './texts.vi.ts';

type ClassroomKey = keyof typeof classroomVi;

/** Classroom mode's text in the current language, filled as `t` fills the site's (see i18n/message.ts). */
export function tc(key: ClassroomKey, params: Record<string, string | number> = {}): string {
  return fillMessage((locale.lang === 'en' ? classroomEn : classroomVi)[key], params, locale.lang);
}
