import type { Lang } from '@artifact-stories/contracts/schemas';
import type { Db } from '../db/database.ts';

export interface LessonRecord {
  id: number;
  code: string;
  editTokenHash: string;
  title: string;
  teacherName: string;
  lang: Lang;
  createdAt: number;
  updatedAt: number;
  openedAt: number;
  takenDownAt: number | null;
}

export interface LessonItemRecord {
  artifactId: number;
  start: number | null;
  end: number | null;
  note: string;
}

/** What a save writes: the texts and the items in order (positions are 1, 2, 3…). */
export interface LessonContent {
  title: string;
  teacherName: string;
  lang: Lang;
  items: readonly LessonItemRecord[];
}

interface LessonRow {
  id: number;
  code: string;
  edit_token_hash: string;
  title: string;
  teacher_name: string;
  lang: Lang;
  created_at: number;
  updated_at: number;
  opened_at: number;
  taken_down_at: number | null;
}

const toRecord = (r: LessonRow): LessonRecord => ({
  id: r.id,
  code: r.code,
  editTokenHash: r.edit_token_hash,
  title: r.title,
  teacherName: r.teacher_name,
  lang: r.lang,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  openedAt: r.opened_at,
  takenDownAt: r.taken_down_at,
});

/** Teachers' lessons and their items. Times are milliseconds, given by the caller (the service owns the clock). */
export class LessonsRepository {
  constructor(private readonly db: Db) {}

  byCode(code: string): LessonRecord | undefined {
    const row = this.db.prepare('SELECT * FROM lessons WHERE code = ?').get(code) as LessonRow | undefined;
    return row && toRecord(row);
  }

  items(lessonId: number): LessonItemRecord[] {
    const rows = this.db
      .prepare(
        'SELECT artifact_id, start_sec, end_sec, note FROM lesson_items WHERE lesson_id = ? ORDER BY position',
      )
      .all(lessonId) as {
      artifact_id: number;
      start_sec: number | null;
      end_sec: number | null;
      note: string;
    }[];
    return rows.map((r) => ({ artifactId: r.artifact_id, start: r.start_sec, end: r.end_sec, note: r.note }));
  }

  /** A new lesson under `code`, or undefined when that code is already taken (the caller draws another). */
  create(code: string, editTokenHash: string, content: LessonContent, now: number): LessonRecord | undefined {
    return this.db.transaction(() => {
      const { changes, lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO lessons (code, edit_token_hash, title, teacher_name, lang, created_at, updated_at, opened_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO NOTHING`,
        )
        .run(code, editTokenHash, content.title, content.teacherName, content.lang, now, now, now);
      if (changes === 0) return undefined;
      this.writeItems(Number(lastInsertRowid), content.items);
      return this.byCode(code);
    })();
  }

  /** Texts and items replaced at once: a pupil never sees half of a teacher's save. */
  replace(id: number, content: LessonContent, now: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE lessons SET title = ?, teacher_name = ?, lang = ?, updated_at = ?, opened_at = ? WHERE id = ?',
        )
        .run(content.title, content.teacherName, content.lang, now, now, id);
      this.db.prepare('DELETE FROM lesson_items WHERE lesson_id = ?').run(id);
      this.writeItems(id, content.items);
    })();
  }

  private writeItems(lessonId: number, items: readonly LessonItemRecord[]): void {
    const insert = this.db.prepare(
      'INSERT INTO lesson_items (lesson_id, position, artifact_id, start_sec, end_sec, note) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const [i, item] of items.entries())
      insert.run(lessonId, i + 1, item.artifactId, item.start, item.end, item.note);
  }

  markOpened(id: number, now: number): void {
    this.db.prepare('UPDATE lessons SET opened_at = ? WHERE id = ?').run(now, id);
  }

  /** `at` null puts a taken-down lesson back. */
  setTakenDown(id: number, at: number | null): void {
    this.db.prepare('UPDATE lessons SET taken_down_at = ? WHERE id = ?').run(at, id);
  }

  /** Deletes lessons last opened before `cutoff` (their items go with them); returns how many. */
  deleteOpenedBefore(cutoff: number): number {
    return this.db.prepare('DELETE FROM lessons WHERE opened_at < ?').run(cutoff).changes;
  }
}
