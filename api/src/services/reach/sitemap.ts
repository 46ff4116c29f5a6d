import { hrefIn, langOfPath } from '@artifact-stories/contracts/lang-path';
import { escapeXml } from './escape.ts';
import { excerpt } from './links.ts';

interface SitemapVideo {
  thumbnailLoc: string;
  title: string;
  description: string;
  contentLoc: string;
  playerLoc: string;
  durationSec: number;
  publicationDate?: string;
  /** Title and description for the English page; the Vietnamese ones serve when absent. */
  en?: { title: string; description: string };
}

interface Alternate {
  hreflang: 'vi' | 'en' | 'x-default';
  href: string;
}

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
  video?: SitemapVideo;
  alternates?: Alternate[];
}

/**
 * Every public page of the site twice, as Google asks for language versions: the Vietnamese page at its
 * root URL and the English one under /en/, each naming both and x-default (the root page, whose script
 * follows a first visitor's browser). Entries that are not public pages of `base` are kept as they are.
 */
export function inBothLanguages(entries: SitemapEntry[], base: string): SitemapEntry[] {
  return entries.flatMap((entry) => {
    const path = entry.loc.startsWith(`${base}/`) ? entry.loc.slice(base.length) : undefined;
    if (!path || langOfPath(path) !== 'vi') return [entry];
    const vi = `${base}${path}`;
    const en = `${base}${hrefIn(path, 'en')}`;
    const alternates: Alternate[] = [
      { hreflang: 'vi', href: vi },
      { hreflang: 'en', href: en },
      { hreflang: 'x-default', href: vi },
    ];
    const { video } = entry;
    const english = video && {
      ...video,
      title: video.en?.title || video.title,
      description: video.en?.description || video.description,
    };
    return [
      { ...entry, alternates },
      { ...entry, loc: en, alternates, ...(english && { video: english }) },
    ];
  });
}

/** The sitemaps.org limit for one file; past it a sitemap index would be needed. */
export const SITEMAP_MAX_URLS = 50_000;

const tag = (name: string, value: string | number) => `<${name}>${escapeXml(value)}</${name}>`;

function videoXml(v: SitemapVideo): string {
  return [
    '    <video:video>',
    `      ${tag('video:thumbnail_loc', v.thumbnailLoc)}`,
    // Google's limits: title 100 characters, description 2048, duration 1–28800 whole seconds.
    `      ${tag('video:title', excerpt(v.title, 100))}`,
    `      ${tag('video:description', excerpt(v.description || v.title, 2048))}`,
    `      ${tag('video:content_loc', v.contentLoc)}`,
    `      ${tag('video:player_loc', v.playerLoc)}`,
    `      ${tag('video:duration', Math.min(28_800, Math.max(1, Math.round(v.durationSec))))}`,
    ...(v.publicationDate ? [`      ${tag('video:publication_date', v.publicationDate)}`] : []),
    '    </video:video>',
  ].join('\n');
}

/** A sitemaps.org urlset with Google video extensions; every value XML-escaped. */
export function buildSitemap(entries: SitemapEntry[]): string {
  if (entries.length > SITEMAP_MAX_URLS) {
    throw new Error(`A sitemap holds at most ${SITEMAP_MAX_URLS} URLs (got ${entries.length}).`);
  }
  const urls = entries.map((e) =>
    [
      '  <url>',
      `    ${tag('loc', e.loc)}`,
      ...(e.lastmod ? [`    ${tag('lastmod', e.lastmod)}`] : []),
      ...(e.alternates ?? []).map(
        (a) => `    <xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${escapeXml(a.href)}"/>`,
      ),
      ...(e.video ? [videoXml(e.video)] : []),
      '  </url>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"' +
      ' xmlns:video="http://www.google.com/schemas/sitemap-video/1.1"' +
      ' xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
