import { type Static, Type } from 'typebox';
import {
  EXHIBITION_ITEM_TEXT_MAX_LENGTH,
  EXHIBITION_ITEMS_MAX,
  STORY_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from '../limits.ts';
import { ARTIFACT_STATUSES } from '../states.ts';
import { ArtifactSummary, Poster, PublicVideo } from './artifacts.ts';
import { List, Localized, OneOf, RenderedHtml, Slug } from './common.ts';

const texts = (maxLength: number) =>
  Type.Object({ vi: Type.String({ maxLength }), en: Type.String({ maxLength }) });

const Seconds = Type.Number({ minimum: 0, maximum: 86_400 });

/**
 * One item as staff write it: an artifact's film, whole (no times) or an excerpt (startSec/endSec, checked
 * by excerptProblem from contracts/src/excerpt.ts against the film), with a text beside it in both languages.
 */
export const ExhibitionItemInput = Type.Object({
  artifact: Slug,
  startSec: Type.Optional(Seconds),
  endSec: Type.Optional(Seconds),
  text: texts(EXHIBITION_ITEM_TEXT_MAX_LENGTH),
});
export type ExhibitionItemInput = Static<typeof ExhibitionItemInput>;

/** An exhibition as staff save it: the whole of it at once, items in the order visitors see them. */
export const ExhibitionInput = Type.Object({
  slug: Slug,
  title: texts(TITLE_MAX_LENGTH),
  intro: texts(STORY_MAX_LENGTH),
  cover: Type.Union([Slug, Type.Null()], {
    description:
      "The item whose film's poster is the cover (an artifact slug among the items); null: the first",
  }),
  items: Type.Array(ExhibitionItemInput, { maxItems: EXHIBITION_ITEMS_MAX }),
});
export type ExhibitionInput = Static<typeof ExhibitionInput>;

/** Draft or published, as an artifact: a draft is seen by staff only. */
export const ExhibitionStatus = OneOf(ARTIFACT_STATUSES);

/** One item as visitors get it: only items of published artifacts with a ready film are ever listed. */
export const ExhibitionItem = Type.Object({
  artifact: ArtifactSummary,
  video: PublicVideo,
  startSec: Type.Number({ description: 'Where the item starts playing (0 for a whole film)' }),
  endSec: Type.Union([Type.Number(), Type.Null()], {
    description: 'Where it stops; null: the end of the film',
  }),
  text: Localized,
});
export type ExhibitionItem = Static<typeof ExhibitionItem>;

export const ExhibitionSummary = Type.Object({
  slug: Type.String(),
  title: Localized,
  /** The introduction as plain text, cut short, for cards and link previews. */
  summary: Localized,
  cover: Type.Union([Poster, Type.Null()]),
  itemCount: Type.Integer(),
  /** Seconds of film when played all in order. */
  durationSec: Type.Number(),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ExhibitionSummary = Static<typeof ExhibitionSummary>;

export const ExhibitionList = List(ExhibitionSummary);
export type ExhibitionList = Static<typeof ExhibitionList>;

export const ExhibitionDetail = Type.Intersect([
  ExhibitionSummary,
  Type.Object({
    intro: Localized,
    introHtml: RenderedHtml('The Markdown introduction rendered to sanitised HTML'),
    items: Type.Array(ExhibitionItem),
  }),
]);
export type ExhibitionDetail = Static<typeof ExhibitionDetail>;

/** An item as staff see it: what it points at, and whether visitors would see it now. */
export const StaffExhibitionItem = Type.Intersect([
  ExhibitionItemInput,
  Type.Object({
    title: Localized,
    durationSec: Type.Union([Type.Number(), Type.Null()], {
      description: 'Of the film on show; null: none yet',
    }),
    poster: Type.Union([Poster, Type.Null()]),
    shown: Type.Boolean({ description: 'Published artifact with a ready film: visitors see this item' }),
  }),
]);
export type StaffExhibitionItem = Static<typeof StaffExhibitionItem>;

export const StaffExhibition = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  title: Localized,
  intro: Localized,
  cover: Type.Union([Type.String(), Type.Null()]),
  status: ExhibitionStatus,
  items: Type.Array(StaffExhibitionItem),
  updatedAt: Type.String({ format: 'date-time' }),
  publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type StaffExhibition = Static<typeof StaffExhibition>;

export const StaffExhibitionSummary = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  title: Localized,
  status: ExhibitionStatus,
  itemCount: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type StaffExhibitionSummary = Static<typeof StaffExhibitionSummary>;

export const StaffExhibitionList = List(StaffExhibitionSummary);
export type StaffExhibitionList = Static<typeof StaffExhibitionList>;
