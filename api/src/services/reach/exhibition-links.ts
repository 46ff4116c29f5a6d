import type { Lang } from '@artifact-stories/contracts/schemas';
import type { SiteLinks } from './links.ts';

// An exhibition's addresses, beside the site's own (links.ts) rather than in it: one module per kind of page.
/** The exhibition's page path, without a language (links.page adds /en/ for English). */
export const exhibitionPath = (slug: string) => `/exhibitions/${encodeURIComponent(slug)}`;

export const exhibitionPage = (links: SiteLinks, slug: string, lang: Lang = 'vi') =>
  links.page(exhibitionPath(slug), lang);

export const exhibitionCollection = (links: SiteLinks, slug: string) =>
  `${links.base}/iiif/exhibitions/${encodeURIComponent(slug)}/collection`;

/** "1:05" for 65 seconds: how an excerpt's range reads in a label. */
export function clock(seconds: number): string {
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
