import { type Static, Type } from 'typebox';
import { CAPTION_KINDS, CAPTION_SOURCES } from '../languages.ts';
import {
  ACCESSION_NUMBER_MAX_LENGTH,
  MAX_ETHNIC_GROUPS,
  QUERY_MAX_LENGTH,
  SHORT_TEXT_MAX_LENGTH,
  STAFF_ARTIFACTS_PAGE,
  STORY_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from '../limits.ts';
import { ARTIFACT_STATUSES } from '../states.ts';
import { ArtifactDetail, VideoStatus } from './artifacts.ts';
import { Id, Localized, OneOf, Page, pageQuery, Slug } from './common.ts';

/** Draft or published. */
export const ArtifactStatus = OneOf(ARTIFACT_STATUSES);
export type ArtifactStatus = Static<typeof ArtifactStatus>;

export const Role = Type.Union([Type.Literal('admin'), Type.Literal('editor')]);
export type Role = Static<typeof Role>;

export const StaffUser = Type.Object({
  id: Type.Integer(),
  email: Type.String(),
  name: Type.String(),
  role: Role,
});
export type StaffUser = Static<typeof StaffUser>;

export const LoginBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const NewStaffBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  role: Role,
  password: Type.String({ minLength: 12, maxLength: 1024 }),
});
export type NewStaffBody = Static<typeof NewStaffBody>;

const LocalizedInput = (maxLength: number) =>
  Type.Object({ vi: Type.String({ maxLength }), en: Type.String({ maxLength }) });

/** What staff write about an artifact. The Vietnamese title is required; everything else may wait. */
export const ArtifactInput = Type.Object({
  slug: Slug,
  accessionNumber: Type.String({ minLength: 1, maxLength: ACCESSION_NUMBER_MAX_LENGTH }),
  title: Type.Object({
    vi: Type.String({ minLength: 1, maxLength: TITLE_MAX_LENGTH }),
    en: Type.String({ maxLength: TITLE_MAX_LENGTH }),
  }),
  story: LocalizedInput(STORY_MAX_LENGTH),
  category: Slug,
  material: LocalizedInput(SHORT_TEXT_MAX_LENGTH),
  region: LocalizedInput(SHORT_TEXT_MAX_LENGTH),
  featured: Type.Boolean({ default: false }),
  ethnicGroups: Type.Array(Slug, { minItems: 1, maxItems: MAX_ETHNIC_GROUPS, uniqueItems: true }),
});
export type ArtifactInput = Static<typeof ArtifactInput>;

// No defaults in a patch: with Ajv's useDefaults, `featured: false` would be filled into every patch that
// leaves it out, and un-feature the artifact.
// expectedUpdatedAt is a field rather than an If-Match header so that it is typed across the api/web boundary
// like the rest of the patch; the version is the artifact's updatedAt, which the detail already returns.
export const ArtifactPatch = Type.Partial(
  Type.Object({
    ...ArtifactInput.properties,
    featured: Type.Boolean(),
    expectedUpdatedAt: Type.String({
      format: 'date-time',
      description:
        'The updatedAt of the artifact as the editor loaded it. When given and the artifact has changed or ' +
        'been deleted since, nothing is saved and the answer is 409. Left out, the patch applies as is.',
    }),
  }),
);
export type ArtifactPatch = Static<typeof ArtifactPatch>;

/** The newest video of an artifact as staff see it: whatever its state. */
export const StaffVideo = Type.Object({
  id: Type.String(),
  status: VideoStatus,
  /** Why it was refused or failed, in words staff can act on. */
  error: Type.Union([Type.String(), Type.Null()]),
  sourceName: Type.Union([Type.String(), Type.Null()]),
  sourceSize: Type.Union([Type.Integer(), Type.Null()]),
  jobId: Type.Union([Type.Integer(), Type.Null()]),
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  /** Whether this is the video visitors see. */
  current: Type.Boolean(),
  captions: Type.Array(
    Type.Object({
      lang: Type.String(),
      label: Type.String(),
      kind: OneOf(CAPTION_KINDS),
      source: OneOf(CAPTION_SOURCES),
    }),
  ),
  createdAt: Type.String({ format: 'date-time' }),
});
export type StaffVideo = Static<typeof StaffVideo>;

/** Two facts staff must not confuse: the last upload may be refused while the film on show plays on. */
const LastUpload = Type.Union([StaffVideo, Type.Null()], {
  description:
    'The last upload and what became of it (refused, processing, failed, ready), with its reason; ' +
    '`current` says whether it is also the film on show',
});
const OnShow = Type.Union([StaffVideo, Type.Null()], {
  description:
    'The film visitors see on the public page (or will see once published): the current ready version, or null',
});

export const StaffArtifactSummary = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  accessionNumber: Type.String(),
  title: Localized,
  status: ArtifactStatus,
  ethnicGroups: Type.Array(Type.String()),
  category: Type.String(),
  video: LastUpload,
  onShow: OnShow,
  updatedAt: Type.String({ format: 'date-time' }),
});
export type StaffArtifactSummary = Static<typeof StaffArtifactSummary>;

export const StaffArtifactListQuery = Type.Object({
  status: Type.Optional(ArtifactStatus),
  q: Type.Optional(Type.String({ maxLength: QUERY_MAX_LENGTH })),
  ...pageQuery(STAFF_ARTIFACTS_PAGE),
});
export type StaffArtifactListQuery = Static<typeof StaffArtifactListQuery>;

export const StaffArtifactPage = Page(StaffArtifactSummary);
export type StaffArtifactPage = Static<typeof StaffArtifactPage>;

/** Everything an editor needs: the input fields, status, the newest video, and the public preview. */
export const StaffArtifactDetail = Type.Intersect([
  ArtifactInput,
  Type.Object({
    id: Type.Integer(),
    status: ArtifactStatus,
    video: LastUpload,
    onShow: OnShow,
    preview: ArtifactDetail,
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    publishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  }),
]);
export type StaffArtifactDetail = Static<typeof StaffArtifactDetail>;

/** The explicit choice to publish what is not complete; the editor shows it as a checkbox saying what visitors see. */
export const PublishBody = Type.Object({
  withoutFilm: Type.Optional(
    Type.Boolean({
      description: 'Publish although no film is ready: visitors see the page without a player',
    }),
  ),
  withoutStory: Type.Optional(
    Type.Boolean({ description: 'Publish although the story is empty in both languages' }),
  ),
});
export type PublishBody = Static<typeof PublishBody>;

export const IdParams = Type.Object({ id: Id });
export const CaptionParams = Type.Object({
  id: Id,
  lang: Type.String({
    maxLength: 35,
    description:
      "BCP 47 tag of a language in contracts/src/languages.ts: 'vi', 'en', 'tyz' (Tày), 'blt' (Tai Dam)...",
  }),
});
export const CueParams = Type.Object({
  id: Id,
  lang: CaptionParams.properties.lang,
  index: Type.Integer({ minimum: 0, description: '0-based position of the cue in the track' }),
});
/** A cue's new words; its timing stays. A line break is kept, a blank line is not (it would end the cue). */
export const CueFixBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 1000 }) });
export type CueFixBody = Static<typeof CueFixBody>;
export const CaptionCues = Type.Object({
  lang: Type.String(),
  cues: Type.Array(
    Type.Object({
      index: Type.Integer(),
      startSec: Type.Number(),
      endSec: Type.Number(),
      text: Type.String(),
    }),
  ),
});
export type CaptionCues = Static<typeof CaptionCues>;
/** What the uploaded words are; absent = Vietnamese and others as spoken, English as a translation, by a person. */
export const CaptionQuery = Type.Object({
  kind: Type.Optional(OneOf(CAPTION_KINDS)),
  source: Type.Optional(OneOf(CAPTION_SOURCES)),
});
