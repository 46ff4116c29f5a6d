import type { Moment } from '@artifact-stories/contracts/moment';
import type { ArtifactDetail, Lang, PublicVideo } from '@artifact-stories/contracts/schemas';
import { storyText } from '../markdown.ts';
import { escapeHtml, jsonForScript } from './escape.ts';
import { localeTags, meta, type PageMeta, twinTags } from './head.ts';
import { excerpt, inLang, momentQuery, type SiteLinks } from './links.ts';
import { MUSEUM, SITE_NAME } from './museum.ts';

/** Seconds as an ISO 8601 duration (PT1H2M3S), whole seconds, as schema.org and Open Graph expect. */
export function isoDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

function description(detail: ArtifactDetail, lang: Lang): string {
  const story = excerpt(storyText(inLang(detail.story, lang)), 300);
  return story || `${inLang(detail.title, lang)} — ${SITE_NAME[lang]}`;
}

/** schema.org VideoObject for an artifact's clip (what search engines need for a video result). */
function videoObject(detail: ArtifactDetail, links: SiteLinks, lang: Lang, licenseUri: string) {
  const video = detail.video;
  if (!video) return undefined;
  const thumbs = [...video.poster.jpeg].sort((a, b) => b.width - a.width).map((p) => links.abs(p.url));
  return {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: inLang(detail.title, lang),
    description: description(detail, lang),
    thumbnailUrl: thumbs,
    ...(detail.publishedAt && { uploadDate: detail.publishedAt }),
    duration: isoDuration(video.durationSec),
    contentUrl: links.abs(video.hls),
    encodingFormat: 'application/vnd.apple.mpegurl',
    embedUrl: links.embed(detail.slug),
    url: links.artifact(detail.slug, lang),
    inLanguage: lang,
    keywords: detail.ethnicGroups.map((g) => inLang(g.name, lang)).join(', '),
    license: licenseUri,
    publisher: { '@type': 'Organization', name: MUSEUM.name[lang], url: links.home(lang) },
    caption: video.captions.map((c) => ({
      '@type': 'MediaObject',
      contentUrl: links.abs(c.url),
      encodingFormat: 'text/vtt',
      inLanguage: c.lang,
      name: c.label,
    })),
  };
}

/**
 * og:video names a video file (ogp.me): the progressive MP4 when the version has one, which a link preview
 * plays inline. Versions made before it fall back to the embed page, as before.
 */
function ogVideo(video: PublicVideo, embed: string, links: SiteLinks): string[] {
  const file = video.progressive;
  const url = file ? links.abs(file.url) : embed;
  return [
    meta('property', 'og:video', url),
    ...(url.startsWith('https:') ? [meta('property', 'og:video:secure_url', url)] : []),
    meta('property', 'og:video:type', file ? 'video/mp4' : 'text/html'),
    meta('property', 'og:video:width', file?.width ?? video.width),
    meta('property', 'og:video:height', file?.height ?? video.height),
  ];
}

/**
 * Everything a crawler or a link preview reads from an artifact page's <head>: description, canonical
 * link, Open Graph, oEmbed discovery and the VideoObject. The embed page gets the same, with the
 * artifact page as canonical.
 */
export function artifactPageMeta(
  detail: ArtifactDetail,
  links: SiteLinks,
  lang: Lang,
  licenseUri: string,
  moment?: Moment,
): PageMeta {
  const name = inLang(detail.title, lang);
  const desc = description(detail, lang);
  // The link as shared, its language and moment kept (?t=): a share card opens the clip where the sharer meant.
  const shared = `${links.artifact(detail.slug, lang)}${momentQuery(moment)}`;
  const video = detail.video;
  const poster = video ? [...video.poster.jpeg].sort((a, b) => b.width - a.width)[0] : undefined;
  const tags = [
    // The page's own data, asked for with the HTML rather than after the script has run (a round trip less
    // on a slow link). Same URL, mode and credentials as the app's fetch, so the browser hands it over.
    `<link rel="preload" href="/api/artifacts/${encodeURIComponent(detail.slug)}" as="fetch" crossorigin="anonymous">`,
    // The film's master playlist (2 KB, no media): the player asks for it while the visitor reads anyway; asked
    // with the HTML, it is there for a visitor who taps at once. hls.js's XHR has the same mode and credentials.
    ...(video
      ? [`<link rel="preload" href="${escapeHtml(video.hls)}" as="fetch" crossorigin="anonymous">`]
      : []),
    meta('name', 'description', desc),
    ...twinTags(links, `/artifacts/${encodeURIComponent(detail.slug)}`, lang),
    meta('property', 'og:site_name', SITE_NAME[lang]),
    meta('property', 'og:title', name),
    meta('property', 'og:description', desc),
    meta('property', 'og:url', shared),
    meta('property', 'og:type', video ? 'video.other' : 'website'),
    ...localeTags(lang),
  ];
  if (poster) {
    tags.push(
      meta('property', 'og:image', links.abs(poster.url)),
      meta('property', 'og:image:type', 'image/jpeg'),
      meta('property', 'og:image:width', poster.width),
      meta('property', 'og:image:height', poster.height),
      meta('property', 'og:image:alt', name),
    );
  }
  if (video) {
    tags.push(
      ...ogVideo(video, links.embed(detail.slug), links),
      meta('property', 'video:duration', Math.round(video.durationSec)),
      meta('name', 'twitter:card', 'summary_large_image'),
      `<link rel="alternate" type="application/json+oembed" href="${escapeHtml(links.oembed(shared))}" title="${escapeHtml(name)}">`,
      `<link rel="alternate" type="application/ld+json" title="IIIF Manifest" href="${escapeHtml(links.manifest(detail.slug))}">`,
      `<script type="application/ld+json">${jsonForScript(videoObject(detail, links, lang, licenseUri))}</script>`,
    );
  }
  return { title: `${name} — ${SITE_NAME[lang]}`, lang, head: tags.join('\n    ') };
}

/**
 * Puts page metadata into the SPA's index.html: the <title> replaced, the tags just before </head>,
 * the document language set. Works on any index.html with a <head>.
 */
export function injectHead(indexHtml: string, page: PageMeta): string {
  const title = `<title>${escapeHtml(page.title)}</title>`;
  let html = /<title>[\s\S]*?<\/title>/i.test(indexHtml)
    ? indexHtml.replace(/<title>[\s\S]*?<\/title>/i, () => title)
    : indexHtml.replace(/<\/head>/i, () => `${title}\n  </head>`);
  html = html.replace(/<html\b[^>]*>/i, (tag) =>
    /\blang="[^"]*"/i.test(tag)
      ? tag.replace(/\blang="[^"]*"/i, `lang="${page.lang}"`)
      : tag.replace(/>$/, ` lang="${page.lang}">`),
  );
  const block = `<!-- page metadata -->\n    ${page.head}\n  `;
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, () => `${block}</head>`) : `${block}${html}`;
}
