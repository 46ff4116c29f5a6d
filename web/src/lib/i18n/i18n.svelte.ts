import type { Lang, Localized } from '@artifact-stories/contracts/schemas';
import { en } from './en.ts';
import { contentIn, contentLang } from './fallback.ts';
import { fillMessage, longDate } from './message.ts';
import { type MessageKey, vi } from './vi.ts';

export type { MessageKey };

const STORAGE_KEY = 'lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

function initialLang(): Lang {
  // ?lang=en is how the oEmbed iframe asks for English (storage is often blocked inside iframes).
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked === 'en' || asked === 'vi') return asked;
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    // Storage may be blocked (private mode, sandboxed iframes): Vietnamese is the default.
    return 'vi';
  }
}

export const locale = $state<{ lang: Lang }>({ lang: 'vi' });

/** Reads the remembered language and reflects it on <html lang>; call once at start. */
export function initLang(): void {
  setLang(initialLang(), false);
}

export function setLang(lang: Lang, remember = true): void {
  locale.lang = lang;
  document.documentElement.lang = lang;
  if (!remember) return;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but the switch still applies to this visit.
  }
}

/**
 * A UI string in the current language; `{name}` placeholders are filled from params, and
 * `{name|one|other}` picks the word for that count ("1 film", "2 films").
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return fillMessage(dictionaries[locale.lang][key], params, locale.lang);
}

/** Content in the current language, falling back to the other one when that field is empty. */
export function pick(text: Localized | null | undefined): string {
  return contentIn(text, locale.lang);
}

/** The language `pick(text)` is actually in, for a lang attribute on the element that shows it. */
export function pickLang(text: Localized | null | undefined): Lang {
  return contentLang(text, locale.lang);
}

export function formatNumber(n: number): string {
  return n.toLocaleString(locale.lang === 'vi' ? 'vi-VN' : 'en-GB');
}

export function formatDate(iso: string): string {
  return longDate(iso, locale.lang);
}
