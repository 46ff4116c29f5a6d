import type { Moment } from '@artifact-stories/contracts/moment';
import type { ArtifactDetail, Lang, PublicVideo } from '@artifact-stories/contracts/schemas';
import { SLUG_WORDS } from '@artifact-stories/contracts/slugs';
import { TAKEDOWN_SECONDS } from './caching.ts';
import { escapeHtml } from './escape.ts';
import { embedQuery, inLang, type SiteLinks } from './links.ts';
import { MUSEUM, SITE_NAME } from './museum.ts';

/** An artifact's page (Vietnamese, or English under /en/) or its embed, as a shared link names it. */
const PAGE_PATH = new RegExp(`^(/en)?/(?:artifacts|embed)/(${SLUG_WORDS})/?$`);

/** Width of the player when the consumer sets no limit: a comfortable inline size, never upscaled. */
const DEFAULT_EMBED_WIDTH = 640;

/**
 * The artifact a page URL points at, if it is one of ours: /artifacts/<slug>, /en/artifacts/<slug> or
 * /embed/<slug> on the site's own host and path, over http or https, with the language it reads in (the
 * /en/ path, or `?lang=en` on embeds and older links). Undefined for anything else.
 */
export function pageFromUrl(url: string, base: string): { slug: string; lang: Lang } | undefined {
  let target: URL;
  let site: URL;
  try {
    target = new URL(url);
    site = new URL(`${base}/`);
  } catch {
    return undefined;
  }
  // http and https name the same page: a link pasted from the http site (or before a move to https) counts.
  const web = (u: URL) => u.protocol === 'http:' || u.protocol === 'https:';
  if (!web(target) || target.host !== site.host) return undefined;
  const prefix = site.pathname.replace(/\/$/, '');
  if (!target.pathname.startsWith(`${prefix}/`)) return undefined;
  const m = PAGE_PATH.exec(target.pathname.slice(prefix.length));
  if (!m?.[2]) return undefined;
  return { slug: m[2], lang: m[1] || target.searchParams.get('lang') === 'en' ? 'en' : 'vi' };
}

/** The largest size within the limits that keeps the aspect ratio; never larger than the source. */
export function fitWithin(
  width: number,
  height: number,
  maxWidth = Number.POSITIVE_INFINITY,
  maxHeight = Number.POSITIVE_INFINITY,
): { width: number; height: number } {
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

export interface OEmbedVideo {
  version: '1.0';
  type: 'video';
  title: string;
  provider_name: string;
  provider_url: string;
  author_name: string;
  author_url: string;
  html: string;
  width: number;
  height: number;
  cache_age: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
}

/**
 * oEmbed 1.0 "video" response: an iframe of /embed/<slug> sized within maxwidth × maxheight at the clip's
 * aspect ratio; the thumbnail is the largest poster that also fits (the spec asks it to respect the
 * limits too), left out when none does.
 */
export function buildOEmbed(
  detail: ArtifactDetail & { video: PublicVideo },
  links: SiteLinks,
  opts: { maxWidth?: number; maxHeight?: number; lang: Lang; moment?: Moment },
): OEmbedVideo {
  const { video } = detail;
  const size = fitWithin(
    video.width,
    video.height,
    Math.min(opts.maxWidth ?? DEFAULT_EMBED_WIDTH, video.width),
    opts.maxHeight,
  );
  const title = inLang(detail.title, opts.lang);
  // The shared link's moment (?t=42 or 42,70) goes into the iframe: the embedded player starts there.
  const src = `${links.embed(detail.slug)}${embedQuery(opts.lang, opts.moment)}`;
  const html =
    `<iframe src="${escapeHtml(src)}" width="${size.width}" height="${size.height}" title="${escapeHtml(title)}"` +
    ` style="border:0;max-width:100%" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen` +
    ` loading="lazy"></iframe>`;
  const thumb = [...video.poster.jpeg]
    .sort((a, b) => b.width - a.width)
    .find((p) => p.width <= (opts.maxWidth ?? Infinity) && p.height <= (opts.maxHeight ?? Infinity));
  return {
    version: '1.0',
    type: 'video',
    title,
    provider_name: `${SITE_NAME[opts.lang]} — ${MUSEUM.name[opts.lang]}`,
    provider_url: links.home(opts.lang),
    author_name: MUSEUM.name[opts.lang],
    author_url: links.home(opts.lang),
    html,
    width: size.width,
    height: size.height,
    // Consumers keep the embed no longer than caches keep anything that names a film (takedown).
    cache_age: TAKEDOWN_SECONDS,
    ...(thumb && {
      thumbnail_url: links.abs(thumb.url),
      thumbnail_width: thumb.width,
      thumbnail_height: thumb.height,
    }),
  };
}
