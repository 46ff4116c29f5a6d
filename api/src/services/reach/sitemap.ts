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
}

export interface SitemapEntry {
  loc: string;
  lastmod?: string;
  video?: SitemapVideo;
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
      ...(e.video ? [videoXml(e.video)] : []),
      '  </url>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"' +
      ' xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
