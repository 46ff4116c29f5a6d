import type { Localized } from '@artifact-stories/contracts/schemas';
import type { Db } from '../db/database.ts';

const EMPTY: Localized = { vi: '', en: '' };

/** Staff's description of an ethnic group, per language; a group never described has an empty one. */
export class GroupDescriptionsRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  get(group: string): Localized {
    const row = this.db
      .prepare('SELECT description_vi, description_en FROM ethnic_group_descriptions WHERE ethnic_group = ?')
      .get(group) as { description_vi: string; description_en: string } | undefined;
    return row ? { vi: row.description_vi, en: row.description_en } : { ...EMPTY };
  }

  set(group: string, description: Localized, staffId: number | null): void {
    this.db
      .prepare(
        `INSERT INTO ethnic_group_descriptions (ethnic_group, description_vi, description_en, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(ethnic_group) DO UPDATE SET description_vi = excluded.description_vi,
           description_en = excluded.description_en, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by`,
      )
      .run(group, description.vi, description.en, this.now(), staffId);
  }
}
