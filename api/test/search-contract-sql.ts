import type { SearchResponse } from '@artifact-stories/contracts/schemas';
import type { Db } from '../src/db/database.ts';

export type Filters = { ethnicGroup?: string; languageFamily?: string; category?: string };
type Dim = keyof Filters;

/** What the catalogue says, straight from SQL: the contract's expected values never come from an engine. */
export function catalogueSql(db: Db) {
  const sql = <T>(query: string, ...params: unknown[]): T[] => db.prepare(query).all(...params) as T[];
  const publishedOfGroup = (group: string) =>
    sql<{ slug: string }>(
      `SELECT a.slug FROM artifacts a JOIN artifact_ethnic_groups x ON x.artifact_id = a.id
       WHERE a.status = 'published' AND x.ethnic_group = ?`,
      group,
    ).map((r) => r.slug);

  function where(f: Filters, except?: Dim): { clause: string; params: string[] } {
    const parts = [`a.status = 'published'`];
    const params: string[] = [];
    if (f.ethnicGroup && except !== 'ethnicGroup') {
      parts.push(
        'EXISTS (SELECT 1 FROM artifact_ethnic_groups y WHERE y.artifact_id = a.id AND y.ethnic_group = ?)',
      );
      params.push(f.ethnicGroup);
    }
    if (f.languageFamily && except !== 'languageFamily') {
      parts.push(`EXISTS (SELECT 1 FROM artifact_ethnic_groups y JOIN ethnic_groups h ON h.slug = y.ethnic_group
        WHERE y.artifact_id = a.id AND h.language_family = ?)`);
      params.push(f.languageFamily);
    }
    if (f.category && except !== 'category') {
      parts.push('a.category = ?');
      params.push(f.category);
    }
    return { clause: parts.join(' AND '), params };
  }

  /** Facet counts as SQL sees them: each facet over the artifacts passing the other filters. */
  function expectedFacets(f: Filters) {
    const counts = (rows: { k: string; n: number }[]) => Object.fromEntries(rows.map((r) => [r.k, r.n]));
    const g = where(f, 'ethnicGroup');
    const fam = where(f, 'languageFamily');
    const c = where(f, 'category');
    return {
      ethnicGroup: counts(
        sql(
          `SELECT x.ethnic_group AS k, COUNT(DISTINCT a.id) AS n FROM artifacts a
           JOIN artifact_ethnic_groups x ON x.artifact_id = a.id WHERE ${g.clause} GROUP BY k`,
          ...g.params,
        ),
      ),
      languageFamily: counts(
        sql(
          `SELECT e.language_family AS k, COUNT(DISTINCT a.id) AS n FROM artifacts a
           JOIN artifact_ethnic_groups x ON x.artifact_id = a.id JOIN ethnic_groups e ON e.slug = x.ethnic_group
           WHERE ${fam.clause} GROUP BY k`,
          ...fam.params,
        ),
      ),
      category: counts(
        sql(
          `SELECT a.category AS k, COUNT(*) AS n FROM artifacts a WHERE ${c.clause} GROUP BY k`,
          ...c.params,
        ),
      ),
      total: (
        sql<{ n: number }>(
          `SELECT COUNT(*) AS n FROM artifacts a WHERE ${where(f).clause}`,
          ...where(f).params,
        )[0] as { n: number }
      ).n,
    };
  }

  return { sql, publishedOfGroup, expectedFacets };
}

export const facetRecord = (values: SearchResponse['facets']['ethnicGroup']) =>
  Object.fromEntries(values.map((v) => [v.slug, v.count]));
