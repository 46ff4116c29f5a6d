import type { Localized } from '@artifact-stories/contracts/schemas';
import type { ArtifactStatus } from '@artifact-stories/contracts/states';
import type { Db } from '../db/database.ts';
import { writeStatus } from './publication.ts';

export interface ExhibitionItemRecord {
  artifactId: number;
  artifactSlug: string;
  /** Seconds; null: from the start of the film. */
  startSec: number | null;
  /** Seconds; null: to the end of the film. */
  endSec: number | null;
  text: Localized;
}

export interface ExhibitionRecord {
  id: number;
  slug: string;
  title: Localized;
  intro: Localized;
  coverArtifactId: number | null;
  status: ArtifactStatus;
  items: ExhibitionItemRecord[];
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
}

/** What a save writes: the whole exhibition, items in order, artifacts already resolved to ids. */
export type ExhibitionWrite = Pick<ExhibitionRecord, 'slug' | 'title' | 'intro' | 'coverArtifactId'> & {
  items: Omit<ExhibitionItemRecord, 'artifactSlug'>[];
};

interface ExhibitionRow {
  id: number;
  slug: string;
  title_vi: string;
  title_en: string;
  intro_vi: string;
  intro_en: string;
  cover_artifact_id: number | null;
  status: ArtifactStatus;
  created_at: number;
  updated_at: number;
  published_at: number | null;
}

interface ItemRow {
  exhibition_id: number;
  artifact_id: number;
  slug: string;
  start_ms: number | null;
  end_ms: number | null;
  text_vi: string;
  text_en: string;
}

/** The exhibition's own columns, in the order the INSERT and the UPDATE name them. */
const columns = (e: ExhibitionWrite) =>
  [e.slug, e.title.vi, e.title.en, e.intro.vi, e.intro.en, e.coverArtifactId] as const;

const toSec = (ms: number | null) => (ms === null ? null : ms / 1000);
const toMs = (sec: number | null) => (sec === null ? null : Math.round(sec * 1000));

/** Staff's exhibitions and their ordered items; every save replaces the item list in one transaction. */
export class ExhibitionsRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  private itemsOf(ids: readonly number[]): Map<number, ExhibitionItemRecord[]> {
    const out = new Map<number, ExhibitionItemRecord[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const rows = this.db
      .prepare(
        `SELECT i.exhibition_id, i.artifact_id, a.slug, i.start_ms, i.end_ms, i.text_vi, i.text_en
         FROM exhibition_items i JOIN artifacts a ON a.id = i.artifact_id
         WHERE i.exhibition_id IN (${ids.map(() => '?').join(',')}) ORDER BY i.exhibition_id, i.position`,
      )
      .all(...ids) as ItemRow[];
    for (const r of rows) {
      out.get(r.exhibition_id)?.push({
        artifactId: r.artifact_id,
        artifactSlug: r.slug,
        startSec: toSec(r.start_ms),
        endSec: toSec(r.end_ms),
        text: { vi: r.text_vi, en: r.text_en },
      });
    }
    return out;
  }

  private toRecords(rows: ExhibitionRow[]): ExhibitionRecord[] {
    const items = this.itemsOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: { vi: r.title_vi, en: r.title_en },
      intro: { vi: r.intro_vi, en: r.intro_en },
      coverArtifactId: r.cover_artifact_id,
      status: r.status,
      items: items.get(r.id) ?? [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      publishedAt: r.published_at,
    }));
  }

  byId(id: number): ExhibitionRecord | undefined {
    const row = this.db.prepare('SELECT * FROM exhibitions WHERE id = ?').get(id) as
      | ExhibitionRow
      | undefined;
    return row && this.toRecords([row])[0];
  }

  bySlug(slug: string): ExhibitionRecord | undefined {
    const row = this.db.prepare('SELECT * FROM exhibitions WHERE slug = ?').get(slug) as
      | ExhibitionRow
      | undefined;
    return row && this.toRecords([row])[0];
  }

  /** Published ones newest first (the home page), or every one most recently changed first (staff). */
  list(filter: { status?: ArtifactStatus } = {}): ExhibitionRecord[] {
    const rows = filter.status
      ? (this.db
          .prepare('SELECT * FROM exhibitions WHERE status = ? ORDER BY published_at DESC, id DESC')
          .all(filter.status) as ExhibitionRow[])
      : (this.db
          .prepare('SELECT * FROM exhibitions ORDER BY updated_at DESC, id DESC')
          .all() as ExhibitionRow[]);
    return this.toRecords(rows);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM exhibitions').get() as { n: number }).n;
  }

  create(input: ExhibitionWrite, status: ArtifactStatus = 'draft'): ExhibitionRecord {
    return this.db.transaction(() => {
      const t = this.now();
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO exhibitions (slug, title_vi, title_en, intro_vi, intro_en, cover_artifact_id, status,
             created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...columns(input), status, t, t, status === 'published' ? t : null);
      const id = Number(lastInsertRowid);
      this.writeItems(id, input.items);
      return this.byId(id) as ExhibitionRecord;
    })();
  }

  /** The whole exhibition at once: a reader never sees half of a save. Undefined when it no longer exists. */
  update(id: number, input: ExhibitionWrite): ExhibitionRecord | undefined {
    return this.db.transaction(() => {
      const { changes } = this.db
        .prepare(
          `UPDATE exhibitions SET slug = ?, title_vi = ?, title_en = ?, intro_vi = ?, intro_en = ?,
             cover_artifact_id = ?, updated_at = MAX(?, updated_at + 1) WHERE id = ?`,
        )
        .run(...columns(input), this.now(), id);
      if (!changes) return undefined;
      this.writeItems(id, input.items);
      return this.byId(id);
    })();
  }

  private writeItems(id: number, items: ExhibitionWrite['items']): void {
    this.db.prepare('DELETE FROM exhibition_items WHERE exhibition_id = ?').run(id);
    const insert = this.db.prepare(
      `INSERT INTO exhibition_items (exhibition_id, position, artifact_id, start_ms, end_ms, text_vi, text_en)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    items.forEach((item, position) => {
      insert.run(
        id,
        position,
        item.artifactId,
        toMs(item.startSec),
        toMs(item.endSec),
        item.text.vi,
        item.text.en,
      );
    });
  }

  setStatus(id: number, status: ArtifactStatus): ExhibitionRecord | undefined {
    return writeStatus(this.db, 'exhibitions', id, status, this.now()) ? this.byId(id) : undefined;
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM exhibitions WHERE id = ?').run(id).changes > 0;
  }
}
