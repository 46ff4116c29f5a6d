import type { ExhibitionDetail, ExhibitionItem, Lang } from '@artifact-stories/contracts/schemas';
import { escapeHtml, jsonForScript } from './escape.ts';
import { exhibitionCollection, exhibitionPage, exhibitionPath } from './exhibition-links.ts';
import { localeTags, meta, type PageMeta, twinTags } from './head.ts';
import { excerpt, inLang, momentQuery, type SiteLinks } from './links.ts';
import { MUSEUM, SITE_NAME } from './museum.ts';
import { isoDuration } from './seo.ts';

const largest = (item: { jpeg: { width: number; height: number; url: string }[] } | null) =>
  item ? [...item.jpeg].sort((a, b) => b.width - a.width)[0] : undefined;

/** Where an item opens on its artifact's page: at its excerpt (?t=start,end), as the exhibition page links it. */
function itemUrl(item: ExhibitionItem, links: SiteLinks, lang: Lang): string {
  const whole = item.startSec === 0 && item.endSec === null;
  const moment = whole ? undefined : { start: item.startSec, end: item.endSec ?? item.video.durationSec };
  return `${links.artifact(item.artifact.slug, lang)}${momentQuery(moment)}`;
}

/**
 * schema.org Collection (a CreativeWork; ExhibitionEvent is for exhibitions in a building) whose parts are the
 * items' VideoObjects in order: what a search engine needs to list the films under the exhibition.
 */
function collection(detail: ExhibitionDetail, links: SiteLinks, lang: Lang, licenseUri: string) {
  const page = exhibitionPage(links, detail.slug, lang);
  return {
    '@context': 'https://schema.org',
    '@type': 'Collection',
    name: inLang(detail.title, lang),
    description: inLang(detail.summary, lang),
    url: page,
    inLanguage: lang,
    license: licenseUri,
    collectionSize: detail.items.length,
    publisher: { '@type': 'Organization', name: MUSEUM.name[lang], url: links.home() },
    ...(detail.publishedAt && { datePublished: detail.publishedAt }),
    hasPart: detail.items.map((item) => ({
      '@type': 'VideoObject',
      name: inLang(item.artifact.title, lang),
      description: inLang(item.text, lang) || inLang(item.artifact.title, lang),
      thumbnailUrl: [...item.video.poster.jpeg]
        .sort((a, b) => b.width - a.width)
        .map((p) => links.abs(p.url)),
      ...(item.artifact.publishedAt && { uploadDate: item.artifact.publishedAt }),
      duration: isoDuration(item.video.durationSec),
      contentUrl: links.abs(item.video.hls),
      embedUrl: links.embed(item.artifact.slug),
      url: itemUrl(item, links, lang),
    })),
  };
}

/** An exhibition page's <head>: description, canonical link, Open Graph, the IIIF Collection and the JSON-LD. */
export function exhibitionPageMeta(
  detail: ExhibitionDetail,
  links: SiteLinks,
  lang: Lang,
  licenseUri: string,
): PageMeta {
  const name = inLang(detail.title, lang);
  const desc = excerpt(inLang(detail.summary, lang), 300) || `${name} — ${SITE_NAME[lang]}`;
  const canonical = exhibitionPage(links, detail.slug, lang);
  const cover = largest(detail.cover);
  const tags = [
    // The page's data with the HTML (a round trip less on a slow link), as the artifact pages do.
    `<link rel="preload" href="/api/exhibitions/${encodeURIComponent(detail.slug)}" as="fetch" crossorigin="anonymous">`,
    meta('name', 'description', desc),
    ...twinTags(links, exhibitionPath(detail.slug), lang),
    meta('property', 'og:site_name', SITE_NAME[lang]),
    meta('property', 'og:title', name),
    meta('property', 'og:description', desc),
    meta('property', 'og:url', canonical),
    meta('property', 'og:type', 'website'),
    ...localeTags(lang),
    ...(cover
      ? [
          meta('property', 'og:image', links.abs(cover.url)),
          meta('property', 'og:image:width', cover.width),
          meta('property', 'og:image:height', cover.height),
          meta('name', 'twitter:card', 'summary_large_image'),
        ]
      : []),
    `<link rel="alternate" type="application/ld+json" title="IIIF Collection" href="${escapeHtml(exhibitionCollection(links, detail.slug))}">`,
    `<script type="application/ld+json">${jsonForScript(collection(detail, links, lang, licenseUri))}</script>`,
  ];
  return { title: `${name} — ${SITE_NAME[lang]}`, lang, head: tags.join('\n    ') };
}
