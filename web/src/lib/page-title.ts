import { t } from './i18n/i18n.svelte.ts';

/** Sets the tab title: the page first, then the site. Call inside an $effect so it follows the language. */
export function setTitle(...parts: (string | undefined)[]): void {
  document.title = [...parts.filter(Boolean), t('site.name')].join(' · ');
}
