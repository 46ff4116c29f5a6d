import type { Localized } from '@artifact-stories/contracts/schemas';
import type { ArtifactStatus } from '@artifact-stories/contracts/states';
import type { Db } from '../db/database.ts';
import { writeStatus } from './publication.ts';

export interface ArtifactRecord {
  id: number;
  slug: string;
  accessionNumber: string;
  title: Localized;
  story: Localized;
  category: string;
  material: Localized;
  region: Localized;
  featured: boolean;
  status: ArtifactStatus;
  ethnicGroups: string[];
  currentVideoId: string | null;
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
}

export type ArtifactInput = Pick<
  ArtifactRecord,
  | 'slug'
  | 'accessionNumber'
  | 'title'
  | 'story'
  | 'category'
  | 'material'
  | 'region'
  | 'featured'
  | 'ethnicGroups'
>;

export interface ArtifactFilter {
  status?: ArtifactStatus;
  ethnicGroup?: string;
  languageFamily?: string;
  category?: string;
  region?: string;
  featured?: boolean;
  order?: 'newest' | 'title';
  lang?: 'vi' | 'en';
  limit: number;
  offset: number;
}

interface ArtifactRow {
  id: number;
  slug: string;
  accession_number: string;
  title_vi: string;
  title_en: string;
  story_vi: string;
  story_en: string;
  category: string;
  material_vi: string;
  material_en: string;
  region_vi: string;
  region_en: string;
  featured: number;
  status: ArtifactStatus;
  current_video_id: string | null;
  created_at: number;
  updated_at: number;
  published_at: number | null;
  groups: string | null;
}

const SELECT = `SELECT a.*, (SELECT group_concat(ethnic_group, ',') FROM
  (SELECT ethnic_group FROM artifact_ethnic_groups WHERE artifact_id = a.id ORDER BY position)) AS groups
  FROM artifacts a`;

const toRecord = (r: ArtifactRow): ArtifactRecord => ({
  id: r.id,
  slug: r.slug,
  accessionNumber: r.accession_number,
  title: { vi: r.title_vi, en: r.title_en },
  story: { vi: r.story_vi, en: r.story_en },
  category: r.category,
  material: { vi: r.material_vi, en: r.material_en },
  region: { vi: r.region_vi, en: r.region_en },
  featured: r.featured === 1,
  status: r.status,
  ethnicGroups: r.groups ? r.groups.split(',') : [],
  currentVideoId: r.current_video_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  publishedAt: r.published_at,
});

/**
 * Artifacts and their ethnic groups. Every write also queues the artifact in the search outbox within the
 * same transaction, so the search index catches up even if the engine is down when the change is made.
 */
export class ArtifactsRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  private outbox(id: number): void {
    this.db.prepare('INSERT INTO search_outbox (artifact_id, created_at) VALUES (?, ?)').run(id, this.now());
  }

  private setGroups(id: number, groups: string[]): void {
    this.db.prepare('DELETE FROM artifact_ethnic_groups WHERE artifact_id = ?').run(id);
    const insert = this.db.prepare(
      'INSERT INTO artifact_ethnic_groups (artifact_id, ethnic_group, position) VALUES (?, ?, ?)',
    );
    for (const [i, g] of groups.entries()) insert.run(id, g, i);
  }

  /** Every published artifact's id, in id order: what a full search index holds. */
  publishedIds(): number[] {
    const rows = this.db.prepare(`SELECT id FROM artifacts WHERE status = 'published' ORDER BY id`).all();
    return (rows as { id: number }[]).map((r) => r.id);
  }

  create(input: ArtifactInput, status: ArtifactStatus = 'draft'): ArtifactRecord {
    return this.db.transaction(() => {
      const t = this.now();
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO artifacts (slug, accession_number, title_vi, title_en, story_vi, story_en, category,
            material_vi, material_en, region_vi, region_en, featured, status, created_at, updated_at, published_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.slug,
          input.accessionNumber,
          input.title.vi,
          input.title.en,
          input.story.vi,
          input.story.en,
          input.category,
          input.material.vi,
          input.material.en,
          input.region.vi,
          input.region.en,
          input.featured ? 1 : 0,
          status,
          t,
          t,
          status === 'published' ? t : null,
        );
      const id = Number(lastInsertRowid);
      this.setGroups(id, input.ethnicGroups);
      this.outbox(id);
      return this.byId(id) as ArtifactRecord;
    })();
  }

  update(id: number, input: Partial<ArtifactInput>): ArtifactRecord | undefined {
    return this.db.transaction(() => {
      const current = this.byId(id);
      if (!current) return undefined;
      const next = { ...current, ...input };
      // updated_at is the version editors save against: it must grow with every write, even in the same ms.
      this.db
        .prepare(
          `UPDATE artifacts SET slug = ?, accession_number = ?, title_vi = ?, title_en = ?, story_vi = ?, story_en = ?,
            category = ?, material_vi = ?, material_en = ?, region_vi = ?, region_en = ?, featured = ?,
            updated_at = MAX(?, updated_at + 1)
           WHERE id = ?`,
        )
        .run(
          next.slug,
          next.accessionNumber,
          next.title.vi,
          next.title.en,
          next.story.vi,
          next.story.en,
          next.category,
          next.material.vi,
          next.material.en,
          next.region.vi,
          next.region.en,
          next.featured ? 1 : 0,
          this.now(),
          id,
        );
      if (input.ethnicGroups) this.setGroups(id, input.ethnicGroups);
      this.outbox(id);
      return this.byId(id);
    })();
  }

  setStatus(id: number, status: ArtifactStatus): ArtifactRecord | undefined {
    return this.db.transaction(() => {
      if (!writeStatus(this.db, 'artifacts', id, status, this.now())) return undefined;
      this.outbox(id);
      return this.byId(id);
    })();
  }

  setCurrentVideo(id: number, videoId: string | null): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE artifacts SET current_video_id = ?, updated_at = MAX(?, updated_at + 1) WHERE id = ?',
        )
        .run(videoId, this.now(), id);
      this.outbox(id);
    })();
  }

  /** Marks the artifact for reindexing without changing it (its video became ready, say). */
  touch(id: number): void {
    this.outbox(id);
  }

  delete(id: number): boolean {
    return this.db.transaction(() => {
      const { changes } = this.db.prepare('DELETE FROM artifacts WHERE id = ?').run(id);
      if (changes) this.outbox(id);
      return changes > 0;
    })();
  }

  byId(id: number): ArtifactRecord | undefined {
    const row = this.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as ArtifactRow | undefined;
    return row && toRecord(row);
  }

  bySlug(slug: string): ArtifactRecord | undefined {
    const row = this.db.prepare(`${SELECT} WHERE a.slug = ?`).get(slug) as ArtifactRow | undefined;
    return row && toRecord(row);
  }

  list(filter: ArtifactFilter): { items: ArtifactRecord[]; total: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      where.push('a.status = ?');
      params.push(filter.status);
    }
    if (filter.ethnicGroup) {
      where.push(
        'EXISTS (SELECT 1 FROM artifact_ethnic_groups x WHERE x.artifact_id = a.id AND x.ethnic_group = ?)',
      );
      params.push(filter.ethnicGroup);
    }
    if (filter.languageFamily) {
      where.push(`EXISTS (SELECT 1 FROM artifact_ethnic_groups x JOIN ethnic_groups g ON g.slug = x.ethnic_group
        WHERE x.artifact_id = a.id AND g.language_family = ?)`);
      params.push(filter.languageFamily);
    }
    if (filter.category) {
      where.push('a.category = ?');
      params.push(filter.category);
    }
    if (filter.region) {
      where.push('(a.region_vi = ? COLLATE NOCASE OR a.region_en = ? COLLATE NOCASE)');
      params.push(filter.region, filter.region);
    }
    if (filter.featured !== undefined) {
      where.push('a.featured = ?');
      params.push(filter.featured ? 1 : 0);
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const titleColumn = filter.lang === 'en' ? 'a.title_en' : 'a.title_vi';
    const order =
      filter.order === 'title'
        ? `${titleColumn} COLLATE NOCASE, a.id`
        : 'COALESCE(a.published_at, a.created_at) DESC, a.id DESC';
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM artifacts a${clause}`).get(...params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(`${SELECT}${clause} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, filter.limit, filter.offset) as ArtifactRow[];
    return { items: rows.map(toRecord), total };
  }

  /** Published artifacts sharing an ethnic group with this one, newest first. */
  related(id: number, limit: number): ArtifactRecord[] {
    const rows = this.db
      .prepare(
        `${SELECT} WHERE a.status = 'published' AND a.id != ? AND EXISTS (
           SELECT 1 FROM artifact_ethnic_groups x JOIN artifact_ethnic_groups y ON y.ethnic_group = x.ethnic_group
           WHERE x.artifact_id = a.id AND y.artifact_id = ?)
         ORDER BY a.published_at DESC, a.id DESC LIMIT ?`,
      )
      .all(id, id, limit) as ArtifactRow[];
    return rows.map(toRecord);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM artifacts').get() as { n: number }).n;
  }
}
