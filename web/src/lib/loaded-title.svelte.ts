import { locale, t } from './i18n/i18n.svelte.ts';
import { setTitle } from './page-title.ts';

/**
 * Keeps the tab title on what a page loaded, or "not found" when loading failed. Call while a component
 * initialises; `loading` is read inside the effect, so a new slug gives a new title.
 */
export function titleFromLoaded<T>(loading: () => Promise<T>, titleOf: (value: T) => string): void {
  $effect(() => {
    // Read here so the tab title follows a language switch; inside then() it would not be tracked.
    void locale.lang;
    loading().then(
      (value) => setTitle(titleOf(value)),
      () => setTitle(t('status.notFound')),
    );
  });
}
