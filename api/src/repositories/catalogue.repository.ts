import type { Localized } from '@artifact-stories/contracts/schemas';
import type { Db } from '../db/database.ts';

export interface LanguageFamilyRecord {
  slug: string;
  name: Localized;
  position: number;
}
export interface EthnicGroupRecord {
  slug: string;
  code: string;
  codeList: string;
  name: Localized;
  languageFamily: string;
  otherNames: string[];
}
export interface CategoryRecord {
  slug: string;
  name: Localized;
  position: number;
}

/** Language families and categories: a slug, a name in both languages, a place in the list. */
interface NamedRow {
  slug: string;
  name_vi: string;
  name_en: string;
  position: number;
}

const toNamed = (r: NamedRow) => ({
  slug: r.slug,
  name: { vi: r.name_vi, en: r.name_en },
  position: r.position,
});

interface GroupRow {
  slug: string;
  code: string;
  code_list: string;
  name_vi: string;
  name_en: string;
  language_family: string;
  other_names: string;
}

const toGroup = (r: GroupRow): EthnicGroupRecord => ({
  slug: r.slug,
  code: r.code,
  codeList: r.code_list,
  name: { vi: r.name_vi, en: r.name_en },
  languageFamily: r.language_family,
  otherNames: JSON.parse(r.other_names) as string[],
});

/** Reference data: language families, ethnic groups, categories, and their published-artifact counts. */
export class CatalogueRepository {
  constructor(private readonly db: Db) {}

  upsertFamily(f: LanguageFamilyRecord): void {
    this.upsertOrdered('language_families', f);
  }

  upsertGroup(g: EthnicGroupRecord): void {
    this.db
      .prepare(
        `INSERT INTO ethnic_groups (slug, code, code_list, name_vi, name_en, language_family, other_names)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(slug) DO UPDATE SET code = excluded.code, code_list = excluded.code_list,
           name_vi = excluded.name_vi, name_en = excluded.name_en, language_family = excluded.language_family,
           other_names = excluded.other_names`,
      )
      .run(g.slug, g.code, g.codeList, g.name.vi, g.name.en, g.languageFamily, JSON.stringify(g.otherNames));
  }

  upsertCategory(c: CategoryRecord): void {
    this.upsertOrdered('categories', c);
  }

  /** Language families and categories are the same kind of row: a slug, its names and its place in lists. */
  private upsertOrdered(
    table: 'language_families' | 'categories',
    row: LanguageFamilyRecord | CategoryRecord,
  ) {
    this.db
      .prepare(
        `INSERT INTO ${table} (slug, name_vi, name_en, position) VALUES (?, ?, ?, ?)
         ON CONFLICT(slug) DO UPDATE SET name_vi = excluded.name_vi, name_en = excluded.name_en, position = excluded.position`,
      )
      .run(row.slug, row.name.vi, row.name.en, row.position);
  }

  /** Every reference row at once, in one transaction: a start never leaves half the groups written. */
  upsertReference(ref: {
    families: LanguageFamilyRecord[];
    groups: EthnicGroupRecord[];
    categories: CategoryRecord[];
  }): void {
    this.db.transaction(() => {
      for (const f of ref.families) this.upsertFamily(f);
      for (const g of ref.groups) this.upsertGroup(g);
      for (const c of ref.categories) this.upsertCategory(c);
    })();
  }

  families(): LanguageFamilyRecord[] {
    return (this.db.prepare('SELECT * FROM language_families ORDER BY position').all() as NamedRow[]).map(
      toNamed,
    );
  }

  groups(): EthnicGroupRecord[] {
    return (
      this.db.prepare('SELECT * FROM ethnic_groups ORDER BY CAST(code AS INTEGER)').all() as GroupRow[]
    ).map(toGroup);
  }

  group(slug: string): EthnicGroupRecord | undefined {
    const row = this.db.prepare('SELECT * FROM ethnic_groups WHERE slug = ?').get(slug) as
      | GroupRow
      | undefined;
    return row && toGroup(row);
  }

  categories(): CategoryRecord[] {
    return (this.db.prepare('SELECT * FROM categories ORDER BY position').all() as NamedRow[]).map(toNamed);
  }

  /** Published artifacts per ethnic group. */
  publishedCountsByGroup(): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT aeg.ethnic_group AS slug, COUNT(*) AS n FROM artifact_ethnic_groups aeg
         JOIN artifacts a ON a.id = aeg.artifact_id WHERE a.status = 'published' GROUP BY aeg.ethnic_group`,
      )
      .all() as { slug: string; n: number }[];
    return new Map(rows.map((r) => [r.slug, r.n]));
  }

  /** Published artifacts per language family (an artifact of two groups of one family counts once). */
  publishedCountsByFamily(): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT g.language_family AS slug, COUNT(DISTINCT a.id) AS n FROM artifact_ethnic_groups aeg
         JOIN artifacts a ON a.id = aeg.artifact_id JOIN ethnic_groups g ON g.slug = aeg.ethnic_group
         WHERE a.status = 'published' GROUP BY g.language_family`,
      )
      .all() as { slug: string; n: number }[];
    return new Map(rows.map((r) => [r.slug, r.n]));
  }

  publishedCountsByCategory(): Map<string, number> {
    const rows = this.db
      .prepare(
        `SELECT category AS slug, COUNT(*) AS n FROM artifacts WHERE status = 'published' GROUP BY category`,
      )
      .all() as { slug: string; n: number }[];
    return new Map(rows.map((r) => [r.slug, r.n]));
  }

  /** Regions of a group's published artifacts, each pair once (a region written but once is still one). */
  publishedRegionsOfGroup(group: string): Localized[] {
    const rows = this.db
      .prepare(
        `SELECT DISTINCT a.region_vi AS vi, a.region_en AS en FROM artifacts a
         JOIN artifact_ethnic_groups x ON x.artifact_id = a.id
         WHERE x.ethnic_group = ? AND a.status = 'published' AND (a.region_vi != '' OR a.region_en != '')`,
      )
      .all(group) as Localized[];
    return rows.map((r) => ({ vi: r.vi, en: r.en }));
  }

  /** Titles and materials of the published artifacts, both languages: the names search prefers. */
  publishedLabels(): string[] {
    const rows = this.db
      .prepare(
        `SELECT title_vi, title_en, material_vi, material_en FROM artifacts WHERE status = 'published'`,
      )
      .all() as Record<string, string>[];
    return rows.flatMap((r) => Object.values(r));
  }
}
