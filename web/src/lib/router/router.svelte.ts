import { matchRoute, type Route } from './routes.ts';

interface Location {
  route: Route;
  path: string;
  query: URLSearchParams;
}

function read(): Location {
  return {
    route: matchRoute(window.location.pathname),
    path: window.location.pathname,
    query: new URLSearchParams(window.location.search),
  };
}

export const location = $state<Location>(read());

/** Goes to an in-site URL without reloading; `replace` for state changes that should not add history. */
export function navigate(href: string, options: { replace?: boolean; keepScroll?: boolean } = {}): void {
  const url = new URL(href, window.location.href);
  const samePage = url.pathname === window.location.pathname;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  Object.assign(location, read());
  if (!samePage && !options.keepScroll) {
    window.scrollTo(0, 0);
    focusMain();
  }
}

/** After a page change, screen readers and keyboard users start at the new content, as on a full load. */
function focusMain(): void {
  queueMicrotask(() => document.getElementById('main')?.focus({ preventScroll: true }));
}

/** Turns clicks on ordinary same-origin links into client-side navigation. Call once. */
export function startRouter(): () => void {
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
    navigate(a.href);
  };
  const onPop = () => Object.assign(location, read());
  document.addEventListener('click', onClick);
  window.addEventListener('popstate', onPop);
  return () => {
    document.removeEventListener('click', onClick);
    window.removeEventListener('popstate', onPop);
  };
}
