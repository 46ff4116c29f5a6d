import type { Lang } from '@artifact-stories/contracts/schemas';
import { escapeHtml } from './escape.ts';
import type { SiteLinks } from './links.ts';
import { SITE_NAME } from './museum.ts';

export interface PageMeta {
  title: string;
  lang: Lang;
  /** Tags for <head>, every value escaped. */
  head: string;
}

/** Pages that are not to be listed: lessons (unlisted by design), classroom mode (the exhibition page is listed). */
export const NOINDEX = '<meta name="robots" content="noindex, nofollow">';

const OG_LOCALE: Record<Lang, string> = { vi: 'vi_VN', en: 'en_US' };

export const meta = (attr: 'name' | 'property', key: string, value: string | number) =>
  `<meta ${attr}="${key}" content="${escapeHtml(value)}">`;

const other = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');

/**
 * A public page's language twins: the canonical link in its own language, `hreflang` alternates for both,
 * and x-default on the Vietnamese (root) page, whose script follows a first visitor's browser language.
 * `path` is written without a language prefix (`/groups/e-de`).
 */
export function twinTags(links: SiteLinks, path: string, lang: Lang): string[] {
  const url = { vi: links.page(path, 'vi'), en: links.page(path, 'en') };
  const link = (rel: string, href: string, hreflang?: string) =>
    `<link rel="${rel}"${hreflang ? ` hreflang="${hreflang}"` : ''} href="${escapeHtml(href)}">`;
  return [
    link('canonical', url[lang]),
    link('alternate', url.vi, 'vi'),
    link('alternate', url.en, 'en'),
    link('alternate', url.vi, 'x-default'),
  ];
}

/** Open Graph's locale and its twin's, for link previews. */
export function localeTags(lang: Lang): string[] {
  return [
    meta('property', 'og:locale', OG_LOCALE[lang]),
    meta('property', 'og:locale:alternate', OG_LOCALE[other(lang)]),
  ];
}

/**
 * The head of a public page without metadata of its own (home, search, a group): its title and description
 * in the page's language, its twins, and the Open Graph basics a link preview shows.
 */
export function sitePageMeta(
  page: { title?: string; description: string },
  links: SiteLinks,
  path: string,
  lang: Lang,
): PageMeta {
  const title = page.title ? `${page.title} — ${SITE_NAME[lang]}` : SITE_NAME[lang];
  const tags = [
    meta('name', 'description', page.description),
    ...twinTags(links, path, lang),
    meta('property', 'og:site_name', SITE_NAME[lang]),
    meta('property', 'og:title', page.title ?? SITE_NAME[lang]),
    meta('property', 'og:description', page.description),
    meta('property', 'og:url', links.page(path, lang)),
    meta('property', 'og:type', 'website'),
    ...localeTags(lang),
  ];
  return { title, lang, head: tags.join('\n    ') };
}
