import { type Static, Type } from 'typebox';
import { GROUP_DESCRIPTION_MAX_LENGTH } from '../limits.ts';
import { Localized, Named, RenderedHtml } from './common.ts';

export const LanguageFamily = Type.Object({
  slug: Type.String(),
  name: Localized,
  groupCount: Type.Integer(),
  artifactCount: Type.Integer({ description: 'Published artifacts of its groups' }),
  filmCount: Type.Integer({ description: 'Published artifacts of its groups with a ready film' }),
});
export type LanguageFamily = Static<typeof LanguageFamily>;

export const EthnicGroup = Type.Object({
  slug: Type.String(),
  code: Type.String({ description: 'Number in the official list' }),
  name: Localized,
  languageFamily: Named,
  otherNames: Type.Array(Type.String(), { description: 'Alternative and historical names' }),
  artifactCount: Type.Integer({ description: 'Published artifacts' }),
  filmCount: Type.Integer({ description: 'Published artifacts with a ready film: 0 shows "no films yet"' }),
});
export type EthnicGroup = Static<typeof EthnicGroup>;

/** One group's page: the list's facts, the museum's description and where its artifacts come from. */
export const EthnicGroupDetail = Type.Intersect([
  EthnicGroup,
  Type.Object({
    description: Type.Object(
      { vi: Type.String(), en: Type.String() },
      { description: "Staff's Markdown, empty until written" },
    ),
    descriptionHtml: RenderedHtml('The description rendered to sanitised HTML, as stories are'),
    regions: Type.Array(Localized, {
      description: 'Regions and provinces of its published artifacts, each once, in Vietnamese order',
    }),
  }),
]);
export type EthnicGroupDetail = Static<typeof EthnicGroupDetail>;

const DescriptionText = Type.String({ maxLength: GROUP_DESCRIPTION_MAX_LENGTH });

/** What staff send to change a group's description: both languages at once (either may be empty). */
export const GroupDescriptionInput = Type.Object(
  { description: Type.Object({ vi: DescriptionText, en: DescriptionText }, { additionalProperties: false }) },
  { additionalProperties: false },
);
export type GroupDescriptionInput = Static<typeof GroupDescriptionInput>;

export const EthnicGroupList = Type.Object({
  families: Type.Array(LanguageFamily),
  groups: Type.Array(EthnicGroup),
});
export type EthnicGroupList = Static<typeof EthnicGroupList>;

export const Category = Type.Object({ slug: Type.String(), name: Localized, artifactCount: Type.Integer() });
export type Category = Static<typeof Category>;
