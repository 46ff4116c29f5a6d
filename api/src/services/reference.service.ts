import {
  type CategoryFixture,
  type EthnicGroupFixture,
  type LanguageFamilyFixture,
  loadCategories,
  loadEthnicGroups,
  loadLanguageFamilies,
} from '../../../fixtures/catalogue.ts';
import type { CatalogueRepository } from '../repositories/catalogue.repository.ts';

/** The 54 groups, the eight language families and the categories: what every catalogue is described with. */
export interface ReferenceData {
  families: readonly LanguageFamilyFixture[];
  groups: readonly EthnicGroupFixture[];
  categories: readonly CategoryFixture[];
}

/**
 * The reference files. They stay in fixtures/ beside the sample catalogue because the sample artifacts are
 * validated against them there, and the Docker image ships the whole folder; what makes them part of the
 * schema's life is that every start loads them (syncReference), not where they are read from.
 */
function loadReferenceData(): ReferenceData {
  return { families: loadLanguageFamilies(), groups: loadEthnicGroups(), categories: loadCategories() };
}

/**
 * Brings the database's reference tables up to the files, whatever SEED says: an empty production
 * catalogue gets its groups and categories, and a correction in the files reaches an existing database at
 * the next start. Idempotent, in one transaction.
 */
export function syncReference(
  catalogue: Pick<CatalogueRepository, 'upsertReference'>,
  data: ReferenceData = loadReferenceData(),
): void {
  catalogue.upsertReference({
    families: data.families.map((f, position) => ({ ...f, position })),
    groups: data.groups.map((g) => ({
      slug: g.slug,
      code: g.code,
      codeList: g.codeList,
      name: g.name,
      languageFamily: g.languageFamily,
      otherNames: g.otherNames,
    })),
    categories: data.categories.map((c, position) => ({ ...c, position })),
  });
}
