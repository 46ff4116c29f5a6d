import { MEDIA_PREFIX } from '../catalogue.service.ts';
import type { SiteLinks } from './links.ts';

/** A film that left the public site: its artifact was unpublished or deleted. */
export interface Takedown {
  reason: 'unpublish' | 'delete';
  slug: string;
  videoIds: string[];
}

/** What a CDN purge endpoint is sent: exact URLs, and prefixes under which every file goes. */
export interface PurgeRequest {
  reason: Takedown['reason'];
  urls: string[];
  prefixes: string[];
}

/**
 * Every address that names the film, so a CDN can drop it at once instead of within a minute: its pages,
 * pages (both languages), IIIF Manifest, oEmbed answers, QR codes, the sitemap, and each of its videos' media folders.
 */
export function purgeRequest(takedown: Takedown, links: SiteLinks): PurgeRequest {
  const { slug } = takedown;
  const page = links.artifact(slug);
  const pageEn = links.artifact(slug, 'en');
  const embed = links.embed(slug);
  const api = `/api/artifacts/${encodeURIComponent(slug)}`;
  return {
    reason: takedown.reason,
    urls: [
      page,
      pageEn,
      embed,
      links.manifest(slug),
      links.oembed(page),
      links.oembed(pageEn),
      links.oembed(embed),
      links.abs(api),
      links.abs(`${api}/qr.svg`),
      links.abs(`${api}/qr.png`),
      links.abs('/sitemap.xml'),
    ],
    prefixes: takedown.videoIds.map((id) => links.abs(`${MEDIA_PREFIX}/${id}/`)),
  };
}
