import { locale } from '../i18n/i18n.svelte.ts';
import { fillMessage } from '../i18n/message.ts';
import { type OfflineKey, offlineEn, offlineVi } from './texts.ts';

/** An offline text in the page's language, filled as `t` fills the site's (see i18n/message.ts). */
export function to(key: OfflineKey, params: Record<string, string | number> = {}): string {
  return fillMessage((locale.lang === 'en' ? offlineEn : offlineVi)[key], params, locale.lang);
}
