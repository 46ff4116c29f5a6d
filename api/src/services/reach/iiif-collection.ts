import type { ExhibitionDetail, ExhibitionItem } from '@artifact-stories/contracts/schemas';
import { clock, exhibitionCollection, exhibitionPage } from './exhibition-links.ts';
import { attribution, IIIF_CONTEXT, langMap, plain, posterImage } from './iiif.ts';
import { bothLangs, type SiteLinks } from './links.ts';

/** IIIF wants a list of thumbnails: the poster's largest JPEG, when there is one. */
function thumbnail(poster: ExhibitionItem['video']['poster'] | null, links: SiteLinks) {
  const image = posterImage(poster, links);
  return image ? [image] : undefined;
}

/**
 * A Collection item may only reference a Manifest (§5.2), so an excerpt is said in its label ("… (0:02–0:09)"):
 * the Manifest is the artifact's whole film, and the exhibition page plays the range.
 */
function itemLabel(item: ExhibitionItem): Record<string, string[]> {
  const title = bothLangs(item.artifact.title) ?? { vi: item.artifact.slug, en: item.artifact.slug };
  const whole = item.startSec === 0 && item.endSec === null;
  const range = whole ? '' : ` (${clock(item.startSec)}–${clock(item.endSec ?? item.video.durationSec)})`;
  return { vi: [plain(`${title.vi}${range}`)], en: [plain(`${title.en}${range}`)] };
}

/**
 * IIIF Presentation 3.0 Collection of a published exhibition: its items' Manifests in the exhibition's order,
 * with the exhibition's title, introduction, attribution and page. Only the items visitors see are listed.
 */
export function buildExhibitionCollection(
  detail: ExhibitionDetail,
  links: SiteLinks,
  licenseUri: string,
): Record<string, unknown> {
  const title = langMap(bothLangs(detail.title) ?? { vi: detail.slug, en: detail.slug });
  const summary = bothLangs(detail.summary);
  const cover = thumbnail(detail.cover, links);
  return {
    '@context': IIIF_CONTEXT,
    id: exhibitionCollection(links, detail.slug),
    type: 'Collection',
    label: title,
    ...(summary && { summary: { vi: [plain(summary.vi)], en: [plain(summary.en)] } }),
    ...attribution(links, licenseUri),
    homepage: [
      {
        id: exhibitionPage(links, detail.slug),
        type: 'Text',
        label: title,
        format: 'text/html',
        language: ['vi', 'en'],
      },
    ],
    ...(cover && { thumbnail: cover }),
    items: detail.items.map((item) => {
      const thumb = thumbnail(item.video.poster, links);
      return {
        id: links.manifest(item.artifact.slug),
        type: 'Manifest',
        label: itemLabel(item),
        ...(thumb && { thumbnail: thumb }),
      };
    }),
  };
}
