import { type Static, Type } from 'typebox';
import { Localized, Named } from './common.ts';

export const LanguageFamily = Type.Object({
  slug: Type.String(),
  name: Localized,
  groupCount: Type.Integer(),
  artifactCount: Type.Integer({ description: 'Published artifacts of its groups' }),
});
export type LanguageFamily = Static<typeof LanguageFamily>;

export const EthnicGroup = Type.Object({
  slug: Type.String(),
  code: Type.String({ description: 'Number in the official list' }),
  name: Localized,
  languageFamily: Named,
  otherNames: Type.Array(Type.String(), { description: 'Alternative and historical names' }),
  artifactCount: Type.Integer({ description: 'Published artifacts' }),
});
export type EthnicGroup = Static<typeof EthnicGroup>;

export const EthnicGroupList = Type.Object({
  families: Type.Array(LanguageFamily),
  groups: Type.Array(EthnicGroup),
});
export type EthnicGroupList = Static<typeof EthnicGroupList>;

export const Category = Type.Object({ slug: Type.String(), name: Localized, artifactCount: Type.Integer() });
export type Category = Static<typeof Category>;
