import { hrefIn } from '@artifact-stories/contracts/lang-path';
import { type Moment, momentParam } from '@artifact-stories/contracts/moment';
import type { Lang, Localized } from '@artifact-stories/contracts/schemas';

/** Absolute links to the site's pages and resources, all from one base. */
export interface SiteLinks {
  base: string;
  abs(path: string): string;
  /** A public page in a language: Vietnamese at the root, English under /en/ (contracts/lang-path). */
  page(path: string, lang?: Lang): string;
  home(lang?: Lang): string;
  artifact(slug: string, lang?: Lang): string;
  embed(slug: string): string;
  group(slug: string, lang?: Lang): string;
  manifest(slug: string): string;
  oembed(pageUrl: string): string;
}

/**
 * The site as visitors reach it: PUBLIC_URL when configured (printed QR codes and shared links must not
 * carry an internal host name), else what the request says (protocol honours TRUST_PROXY).
 */
export function siteBase(publicUrl: string, request: { protocol: string; host: string }): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return `${request.protocol}://${request.host}`;
}

export function siteLinks(base: string): SiteLinks {
  const enc = encodeURIComponent;
  const abs = (path: string) =>
    /^https?:\/\//i.test(path) ? path : `${base}${path.startsWith('/') ? '' : '/'}${path}`;
  return {
    base,
    abs,
    page: (path, lang = 'vi') => abs(hrefIn(path, lang)),
    home: (lang = 'vi') => abs(hrefIn('/', lang)),
    artifact: (slug, lang = 'vi') => abs(hrefIn(`/artifacts/${enc(slug)}`, lang)),
    embed: (slug) => `${base}/embed/${enc(slug)}`,
    group: (slug, lang = 'vi') => abs(hrefIn(`/groups/${enc(slug)}`, lang)),
    manifest: (slug) => `${base}/iiif/artifacts/${enc(slug)}/manifest.json`,
    oembed: (pageUrl) => `${base}/oembed?format=json&url=${enc(pageUrl)}`,
  };
}

/**
 * What an embed link carries after its path: `lang=en` for English (the embed has no /en/ path, so the
 * iframes already pasted elsewhere keep working) and `t=` for a linked moment, so a share card and an oEmbed
 * iframe open at the same time. A page link names its language in the path and carries only `t=`.
 */
export function embedQuery(lang: Lang, moment?: Moment): string {
  const params = [...(lang === 'en' ? ['lang=en'] : []), ...(moment ? [`t=${momentParam(moment)}`] : [])];
  return params.length ? `?${params.join('&')}` : '';
}

/** Content falls back to the other language when one is missing (DESIGN §6). */
export function inLang(text: Localized, lang: keyof Localized): string {
  const other = lang === 'vi' ? 'en' : 'vi';
  return text[lang].trim() || text[other].trim();
}

/** Both languages, each falling back to the other; undefined when neither has text. */
export function bothLangs(text: Localized): Localized | undefined {
  const vi = inLang(text, 'vi');
  return vi ? { vi, en: inLang(text, 'en') } : undefined;
}

/** A short plain-text description: whole words, an ellipsis when cut. */
export function excerpt(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

/** `?t=…` for a page link to a moment, or nothing. */
export function momentQuery(moment?: Moment): string {
  return moment ? `?t=${momentParam(moment)}` : '';
}
