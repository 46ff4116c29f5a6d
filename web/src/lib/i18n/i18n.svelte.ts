import { hrefIn } from '@artifact-stories/contracts/lang-path';
import type { Lang, Localized } from '@artifact-stories/contracts/schemas';
import { en } from './en.ts';
import { contentIn, contentLang } from './fallback.ts';
import { decideLang, isRobot } from './first-lang.ts';
import { fillMessage, longDate } from './message.ts';
import type { StaffMessageKey } from './staff-vi.ts';
import { type MessageKey as PublicMessageKey, vi } from './vi.ts';

/** Every message's key: the public site's (vi.ts) and the staff pages' (staff-vi.ts, loaded with them). */
export type MessageKey = PublicMessageKey | StaffMessageKey;

const STORAGE_KEY = 'lang';
const dictionaries: Record<Lang, Record<PublicMessageKey, string>> = { vi, en };
/** Filled by ./staff-messages.ts when a staff page's code arrives. */
const staffDictionaries: Partial<Record<Lang, Record<StaffMessageKey, string>>> = {};

export function addStaffMessages(messages: Record<Lang, Record<StaffMessageKey, string>>): void {
  Object.assign(staffDictionaries, messages);
}

function remembered(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage may be blocked (private mode, sandboxed iframes): nothing was remembered.
    return null;
  }
}

export const locale = $state<{ lang: Lang }>({ lang: 'vi' });

/**
 * Decides the language of the first page (lib/i18n/first-lang.ts) and reflects it on <html lang>; call once
 * at start, before the router reads the URL. A root page whose visitor reads English is replaced by its
 * /en/ twin in place (no reload, no history entry): the server never redirects, so crawlers keep both.
 */
export function initLang(): void {
  const { pathname, search, hash } = window.location;
  const query = new URLSearchParams(search);
  const { lang, toEnglishTwin } = decideLang({
    pathname,
    asked: query.get('lang'),
    remembered: remembered(),
    browser: navigator.languages ?? [navigator.language],
    robot: isRobot(navigator.userAgent),
  });
  if (toEnglishTwin) {
    // The old way of naming English (?lang=en) becomes the path; other parameters (?t=) stay.
    query.delete('lang');
    const rest = query.toString() ? `?${query}` : '';
    history.replaceState(history.state, '', hrefIn(`${pathname}${rest}${hash}`, 'en'));
  }
  setLang(lang, false);
}

/** Sets the language; `remember` when the visitor chose it, so their next visit starts in it. */
export function setLang(lang: Lang, remember = true): void {
  locale.lang = lang;
  document.documentElement.lang = lang;
  if (remember) rememberLang(lang);
}

/** Keeps the visitor's choice for their next visit to a root page (lib/i18n/first-lang.ts). */
export function rememberLang(lang: Lang): void {
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
  const lang = locale.lang;
  const text =
    (dictionaries[lang] as Record<string, string>)[key] ??
    (staffDictionaries[lang] as Record<string, string> | undefined)?.[key] ??
    key;
  return fillMessage(text, params, lang);
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

/** An in-site link in the current language: `/groups/e-de` reads `/en/groups/e-de` on English pages. */
export function siteHref(path: string): string {
  return hrefIn(path, locale.lang);
}
