import { hrefIn, langOfPath, stripLang } from '@artifact-stories/contracts/lang-path';
import type { Lang } from '@artifact-stories/contracts/schemas';
import { locale, setLang } from '../i18n/i18n.svelte.ts';
import { matchRoute, type Route } from './routes.ts';

interface Location {
  route: Route;
  /** The path as in the address bar, language prefix included. */
  path: string;
  query: URLSearchParams;
  /** The language the path names; undefined on pages that keep it elsewhere (staff, embed). */
  lang: Lang | undefined;
}

function read(): Location {
  const { pathname } = window.location;
  return {
    route: matchRoute(stripLang(pathname)),
    path: pathname,
    query: new URLSearchParams(window.location.search),
    lang: langOfPath(pathname),
  };
}

export const location = $state<Location>(read());

/** Reads the address bar again; a page that names its language sets it (Back from /en/x to /x reads Vietnamese). */
function sync(): void {
  Object.assign(location, read());
  if (location.lang && location.lang !== locale.lang) setLang(location.lang, false);
}

/**
 * Goes to an in-site URL without reloading; `replace` for state changes that should not add history.
 * A public page written without its language (`/exhibitions/x`) opens in the current one (`/en/exhibitions/x`
 * on English pages); `lang` asks for a language instead (the switch going to the twin).
 */
export function navigate(
  href: string,
  options: { replace?: boolean; keepScroll?: boolean; lang?: Lang } = {},
): void {
  const url = new URL(href, window.location.href);
  if (url.origin === window.location.origin) {
    const lang = options.lang ?? (langOfPath(url.pathname) === 'en' ? 'en' : locale.lang);
    url.pathname = hrefIn(url.pathname, lang);
  }
  const samePage = url.pathname === window.location.pathname;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  sync();
  if (!samePage && !options.keepScroll) {
    window.scrollTo(0, 0);
    focusMain();
  }
}

/** After a page change, screen readers and keyboard users start at the new content, as on a full load. */
function focusMain(): void {
  queueMicrotask(() => document.getElementById('main')?.focus({ preventScroll: true }));
}

const asLang = (value: string): Lang | undefined => (value === 'vi' || value === 'en' ? value : undefined);

/** Turns clicks on ordinary same-origin links into client-side navigation. Call once, after initLang(). */
export function startRouter(): () => void {
  // initLang() may have replaced a root URL by its English twin since this module first read it.
  sync();
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = (event.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || a.origin !== window.location.origin) return;
    if (/^\/(api|media|iiif|oembed)\//.test(a.pathname)) return;
    event.preventDefault();
    if (a.pathname === window.location.pathname && a.search === window.location.search && a.hash) {
      document.getElementById(a.hash.slice(1))?.focus();
      return;
    }
    // hreflang marks a link to the other language's page (the switch): it must not be put back in this one.
    navigate(a.href, { lang: asLang(a.hreflang) });
  };
  const onPop = () => sync();
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', onPop);
  return () => {
    document.removeEventListener('click', onClick);
    window.removeEventListener('popstate', onPop);
  };
}
