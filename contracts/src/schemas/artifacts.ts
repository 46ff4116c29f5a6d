import { type Static, Type } from 'typebox';
import { CAPTION_KINDS, CAPTION_SOURCES } from '../languages.ts';
import { VIDEO_STATUSES } from '../states.ts';
import { Chapter } from './chapters.ts';
import { Localized, Named, OneOf, Page, PageQuery, RenderedHtml, Slug } from './common.ts';

export const ImageSource = Type.Object({ width: Type.Integer(), height: Type.Integer(), url: Type.String() });

export const Poster = Type.Object({
  jpeg: Type.Array(ImageSource),
  webp: Type.Array(ImageSource),
});
export type Poster = Static<typeof Poster>;

export const VideoStatus = OneOf(VIDEO_STATUSES);
export type VideoStatus = Static<typeof VideoStatus>;

export const CaptionTrack = Type.Object({
  /** BCP 47 tag: 'vi', 'en', 'tyz' (Tày)... */
  lang: Type.String(),
  /** The name in the master playlist (NAME). */
  label: Type.String(),
  url: Type.String(),
  /**
   * The language's name in both languages, for menus: 'Tiếng Tày' / 'Tày'. Always sent by this API; optional
   * so that clients (and their test fixtures) built before it keep working, falling back to label.
   */
  name: Type.Optional(Localized),
  /** Absent for tracks made before it was recorded. */
  kind: Type.Optional(OneOf(CAPTION_KINDS)),
  source: Type.Optional(OneOf(CAPTION_SOURCES)),
});

export const Rendition = Type.Object({
  name: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  fps: Type.Number(),
  bandwidth: Type.Integer(),
  averageBandwidth: Type.Integer({
    description: 'Bits per second over the whole clip: its size in MB for the data saver',
  }),
});

/** The sound track alone, for the worst links and the "audio only" data saver: not in the master playlist. */
const AudioOnlyRendition = Type.Object({
  url: Type.String({ description: 'Media playlist of the sound track alone (AAC), playable by itself' }),
  bandwidth: Type.Integer(),
  averageBandwidth: Type.Integer(),
});

/**
 * The whole clip as one MP4 file (H.264 + AAC, index first, a mid rung of the ladder): for IIIF viewers,
 * link previews (og:video) and offline lessons, whose page can show its size before anyone downloads it.
 */
const ProgressiveFile = Type.Object({
  url: Type.String({ description: 'One MP4 file, playable by a plain <video> element; Range requests work' }),
  width: Type.Integer(),
  height: Type.Integer(),
  bytes: Type.Integer({ description: 'Size of the file, for "x MB" before a download' }),
  bandwidth: Type.Integer({ description: 'Average bits per second over the clip' }),
});

/** What the public sees of a video: only once it is ready. */
export const PublicVideo = Type.Object({
  id: Type.String(),
  hls: Type.String({ description: 'Master playlist URL' }),
  durationSec: Type.Number(),
  width: Type.Integer(),
  height: Type.Integer(),
  poster: Poster,
  storyboard: Type.Union([Type.Object({ vtt: Type.String() }), Type.Null()]),
  captions: Type.Array(CaptionTrack),
  renditions: Type.Array(Rendition),
  audioOnly: Type.Optional(AudioOnlyRendition),
  /** Absent for versions made before the file existed. */
  progressive: Type.Optional(ProgressiveFile),
  /** Catalogue data, not media: they change without a new version (also /api/artifacts/:slug/chapters.vtt). */
  chapters: Type.Array(Chapter),
  chaptersVtt: Type.Optional(
    Type.String({
      description: 'The chapters as a WebVTT chapters track (add ?lang=en); only when there are some',
    }),
  ),
});
export type PublicVideo = Static<typeof PublicVideo>;

export const ArtifactSummary = Type.Object({
  slug: Type.String(),
  accessionNumber: Type.String(),
  title: Localized,
  ethnicGroups: Type.Array(Named),
  languageFamilies: Type.Array(Named),
  category: Named,
  region: Localized,
  featured: Type.Boolean(),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  poster: Type.Union([Poster, Type.Null()]),
  durationSec: Type.Union([Type.Number(), Type.Null()]),
  hasCaptions: Type.Boolean(),
});
export type ArtifactSummary = Static<typeof ArtifactSummary>;

export const ArtifactDetail = Type.Intersect([
  ArtifactSummary,
  Type.Object({
    story: Localized,
    storyHtml: RenderedHtml('The Markdown story rendered to sanitised HTML'),
    material: Localized,
    video: Type.Union([PublicVideo, Type.Null()]),
    related: Type.Array(ArtifactSummary, { description: 'Other clips of the same ethnic groups' }),
  }),
]);
export type ArtifactDetail = Static<typeof ArtifactDetail>;

export const ArtifactOrder = Type.Union([Type.Literal('newest'), Type.Literal('title')]);

export const ArtifactListQuery = Type.Object({
  ethnicGroup: Type.Optional(Slug),
  languageFamily: Type.Optional(Slug),
  category: Type.Optional(Slug),
  region: Type.Optional(Type.String({ maxLength: 100 })),
  featured: Type.Optional(Type.Boolean()),
  order: Type.Optional(ArtifactOrder),
  lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
  ...PageQuery,
});
export type ArtifactListQuery = Static<typeof ArtifactListQuery>;

export const ArtifactPage = Page(ArtifactSummary);
export type ArtifactPage = Static<typeof ArtifactPage>;

export const SlugParams = Type.Object({ slug: Slug });
