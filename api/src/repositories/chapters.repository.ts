import type { ChapterInput } from '@artifact-stories/contracts/schemas';
import type { Db } from '../db/database.ts';

interface ChapterRow {
  start_ms: number;
  title_vi: string;
  title_en: string;
}

/** An artifact's chapters, stored apart from its media: changing them makes no new video version. */
export class ChaptersRepository {
  constructor(private readonly db: Db) {}

  forArtifact(artifactId: number): ChapterInput[] {
    const rows = this.db
      .prepare('SELECT start_ms, title_vi, title_en FROM chapters WHERE artifact_id = ? ORDER BY start_ms')
      .all(artifactId) as ChapterRow[];
    return rows.map((r) => ({ startSec: r.start_ms / 1000, title: { vi: r.title_vi, en: r.title_en } }));
  }

  /** The whole list at once, in one transaction: a reader never sees half of a save. */
  replace(artifactId: number, chapters: readonly ChapterInput[]): void {
    const insert = this.db.prepare(
      'INSERT INTO chapters (artifact_id, start_ms, title_vi, title_en) VALUES (?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM chapters WHERE artifact_id = ?').run(artifactId);
      for (const c of chapters) insert.run(artifactId, Math.round(c.startSec * 1000), c.title.vi, c.title.en);
    })();
  }
}
