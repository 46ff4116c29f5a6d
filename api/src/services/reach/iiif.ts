import type { ArtifactDetail, Localized, PublicVideo } from '@artifact-stories/contracts/schemas';
import { storyText } from '../markdown.ts';
import { chapterRanges } from './iiif-ranges.ts';
import { bothLangs, excerpt, type SiteLinks } from './links.ts';
import { MUSEUM, museumCredit, SITE_NAME } from './museum.ts';

export const IIIF_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';
export const IIIF_CONTENT_TYPE = `application/ld+json;profile="${IIIF_CONTEXT}"`;
const HLS_FORMAT = 'application/vnd.apple.mpegurl';
const MP4_FORMAT = 'video/mp4';

type LanguageMap = Record<string, string[]>;
interface LabelValue {
  label: LanguageMap;
  value: LanguageMap;
}

export const langMap = (text: Localized): LanguageMap => ({ vi: [text.vi], en: [text.en] });

/**
 * Plain text that happens to start with `<` and end with `>` would be read as HTML by IIIF clients
 * (Presentation 3 §4.5); a trailing space keeps it text, as the specification recommends.
 */
export const plain = (text: string) => (text.startsWith('<') && text.endsWith('>') ? `${text} ` : text);
const plainMap = (text: Localized): LanguageMap => ({ vi: [plain(text.vi)], en: [plain(text.en)] });

function metadata(detail: ArtifactDetail): LabelValue[] {
  const rows: [Localized, Localized | undefined][] = [
    [
      { vi: 'Dân tộc', en: 'Ethnic group' },
      bothLangs({
        vi: detail.ethnicGroups.map((g) => g.name.vi).join(', '),
        en: detail.ethnicGroups.map((g) => g.name.en).join(', '),
      }),
    ],
    [{ vi: 'Loại hiện vật', en: 'Category' }, bothLangs(detail.category.name)],
    [{ vi: 'Chất liệu', en: 'Material' }, bothLangs(detail.material)],
    [{ vi: 'Địa phương', en: 'Region' }, bothLangs(detail.region)],
  ];
  const out: LabelValue[] = rows
    .filter((r): r is [Localized, Localized] => r[1] !== undefined)
    .map(([label, value]) => ({ label: langMap(label), value: plainMap(value) }));
  out.push({
    label: langMap({ vi: 'Số hiệu', en: 'Accession number' }),
    value: { none: [plain(detail.accessionNumber)] },
  });
  return out;
}

/** The largest JPEG poster as an IIIF Image (a Canvas placeholder, a Collection item's thumbnail). */
export function posterImage(poster: PublicVideo['poster'] | null, links: SiteLinks) {
  const largest = poster && [...poster.jpeg].sort((a, b) => b.width - a.width)[0];
  return largest
    ? {
        id: links.abs(largest.url),
        type: 'Image',
        format: 'image/jpeg',
        width: largest.width,
        height: largest.height,
      }
    : undefined;
}

/**
 * What paints the Canvas: a Choice of the progressive MP4 and the HLS master when the version has the MP4,
 * else the HLS master alone (versions made before it). The MP4 comes first because a viewer that does not
 * offer choices takes the first item, and every browser plays an MP4 in a <video> element (Mirador does
 * just that), while HLS needs Safari or hls.js; viewers that play HLS can still pick it.
 */
function videoBody(video: PublicVideo, links: SiteLinks) {
  const hls = {
    id: links.abs(video.hls),
    type: 'Video',
    format: HLS_FORMAT,
    width: video.width,
    height: video.height,
    duration: video.durationSec,
  };
  const file = video.progressive;
  if (!file) return hls;
  // Named by the short side, as the ladder's rungs are (a portrait 480×854 file is 480p).
  const lines = Math.min(file.width, file.height);
  const mp4 = {
    id: links.abs(file.url),
    type: 'Video',
    format: MP4_FORMAT,
    label: langMap({ vi: `Tệp MP4 ${lines}p`, en: `MP4 file ${lines}p` }),
    width: file.width,
    height: file.height,
    duration: video.durationSec,
  };
  const adaptive = langMap({
    vi: 'HLS (chất lượng theo đường truyền)',
    en: 'HLS (quality follows the link)',
  });
  return { type: 'Choice', items: [mp4, { ...hls, label: adaptive }] };
}

/**
 * Shown before the video plays (Presentation 3 placeholderCanvas): the poster, so viewers such as Clover
 * show the object instead of a black box.
 */
function placeholderCanvas(canvasId: string, image: ReturnType<typeof posterImage>) {
  if (!image) return undefined;
  const id = `${canvasId}/placeholder`;
  return {
    id,
    type: 'Canvas',
    label: langMap({ vi: 'Ảnh đại diện của đoạn phim', en: 'Poster of the clip' }),
    width: image.width,
    height: image.height,
    items: [
      {
        id: `${id}/page`,
        type: 'AnnotationPage',
        items: [
          { id: `${id}/page/image`, type: 'Annotation', motivation: 'painting', body: image, target: id },
        ],
      },
    ],
  };
}

/** Who to credit, under which licence, and who publishes: the same on every Manifest and Collection. */
export function attribution(links: SiteLinks, licenseUri: string) {
  return {
    requiredStatement: {
      label: langMap({ vi: 'Ghi công', en: 'Attribution' }),
      value: langMap({ vi: museumCredit('vi'), en: museumCredit('en') }),
    },
    rights: licenseUri,
    provider: [
      {
        id: links.home(),
        type: 'Agent',
        label: langMap(MUSEUM.name),
        homepage: [{ id: links.home(), type: 'Text', label: langMap(SITE_NAME), format: 'text/html' }],
      },
    ],
  };
}

/**
 * An IIIF Presentation 3.0 Manifest for one published artifact: one Canvas the size and length of the
 * clip, painted by the video (MP4 or HLS, see videoBody), with the poster as its placeholder and one
 * supplementing annotation per caption language, and the chapters as Ranges (iiif-ranges.ts). Needs a ready video: a Canvas without content would be
 * an empty Manifest.
 */
export function buildManifest(
  detail: ArtifactDetail & { video: PublicVideo },
  links: SiteLinks,
  licenseUri: string,
): Record<string, unknown> {
  const { video } = detail;
  const id = links.manifest(detail.slug);
  const canvasId = `${links.base}/iiif/artifacts/${encodeURIComponent(detail.slug)}/canvas/${encodeURIComponent(video.id)}`;
  const thumb = posterImage(video.poster, links);
  const placeholder = placeholderCanvas(canvasId, thumb);
  const summary = bothLangs({ vi: storyText(detail.story.vi), en: storyText(detail.story.en) });
  const title = langMap(bothLangs(detail.title) ?? { vi: detail.slug, en: detail.slug });

  const captions = video.captions.map((c) => ({
    id: `${canvasId}/captions/${encodeURIComponent(c.lang)}`,
    type: 'Annotation',
    motivation: 'supplementing',
    body: {
      id: links.abs(c.url),
      type: 'Text',
      format: 'text/vtt',
      language: [c.lang],
      label: { [c.lang]: [c.label] },
    },
    target: canvasId,
  }));

  const canvas: Record<string, unknown> = {
    id: canvasId,
    type: 'Canvas',
    label: title,
    width: video.width,
    height: video.height,
    duration: video.durationSec,
    ...(thumb && { thumbnail: [thumb] }),
    ...(placeholder && { placeholderCanvas: placeholder }),
    items: [
      {
        id: `${canvasId}/page`,
        type: 'AnnotationPage',
        items: [
          {
            id: `${canvasId}/page/video`,
            type: 'Annotation',
            motivation: 'painting',
            body: videoBody(video, links),
            target: canvasId,
          },
        ],
      },
    ],
    // Only painting annotations may sit in `items` (§5.3): captions go in `annotations`.
    ...(captions.length > 0 && {
      annotations: [{ id: `${canvasId}/captions`, type: 'AnnotationPage', items: captions }],
    }),
  };

  const structures = chapterRanges(id, canvasId, video.chapters);
  return {
    '@context': IIIF_CONTEXT,
    id,
    type: 'Manifest',
    label: title,
    ...(summary && { summary: plainMap({ vi: excerpt(summary.vi, 500), en: excerpt(summary.en, 500) }) }),
    metadata: metadata(detail),
    ...attribution(links, licenseUri),
    // The artifact's page in each language (the English one under /en/).
    homepage: (['vi', 'en'] as const).map((lang) => ({
      id: links.artifact(detail.slug, lang),
      type: 'Text',
      label: title,
      format: 'text/html',
      language: [lang],
    })),
    ...(thumb && { thumbnail: [thumb] }),
    items: [canvas],
    ...(structures && { structures }),
  };
}
