import { locale } from '../i18n/i18n.svelte.ts';
import { fillMessage } from '../i18n/message.ts';
import { enStaffExhibitions, viStaffExhibitions } from './exhibition-texts.ts';

type Key = keyof typeof viStaffExhibitions;

/** A staff exhibition text in the current language, filled as t() fills the site's own. */
export function tx(key: Key, params: Record<string, string | number> = {}): string {
  const dictionary = locale.lang === 'en' ? enStaffExhibitions : viStaffExhibitions;
  return fillMessage(dictionary[key], params, locale.lang);
}
