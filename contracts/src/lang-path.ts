import type { Lang } from './schemas/common.ts';

// The site's public pages carry their language in the path: Vietnamese (the museum's language) at the root, English
// under /en/. Staff pages and the embed player do not: staff pages are nobody's shared link and are never
// indexed, so their language is a remembered preference (the header's switch); the embed keeps `?lang=`,
// which the iframes already pasted on other sites send. The web's router and the api's pages share this rule.

const EN = '/en';

/** Paths that are not pages of the public site, or whose language is not in the path. */
const UNPREFIXED = /^\/(?:api|media|iiif|oembed|assets|staff|embed)(?:\/|$)|^\/(?:sitemap\.xml|robots\.txt)$/;

const hasEnPrefix = (pathname: string) => pathname === EN || pathname.startsWith(`${EN}/`);

/** The path without its language prefix: `/en/artifacts/x` → `/artifacts/x`, `/en` → `/`. */
export function stripLang(pathname: string): string {
  return hasEnPrefix(pathname) ? pathname.slice(EN.length) || '/' : pathname;
}

/** The language a path names, or undefined for the pages that keep theirs elsewhere (staff, embed). */
export function langOfPath(pathname: string): Lang | undefined {
  if (hasEnPrefix(pathname)) return 'en';
  return UNPREFIXED.test(pathname) ? undefined : 'vi';
}

/**
 * An in-site href (path, with any query and #fragment) as it reads in `lang`: `/groups/e-de` → `/en/groups/e-de`
 * in English, and back. Hrefs that are not public pages, or point elsewhere, are left as they are.
 */
export function hrefIn(href: string, lang: Lang): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const cut = href.search(/[?#]/);
  const path = cut === -1 ? href : href.slice(0, cut);
  const rest = cut === -1 ? '' : href.slice(cut);
  const bare = stripLang(path);
  if (UNPREFIXED.test(bare)) return href;
  if (lang === 'vi') return `${bare}${rest}`;
  return `${EN}${bare === '/' ? '/' : bare}${rest}`;
}
