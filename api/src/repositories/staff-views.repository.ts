import type { JobView } from '@artifact-stories/contracts/schemas';
import type { ArtifactStatus, JobState } from '@artifact-stories/contracts/states';
import type { Db } from '../db/database.ts';

interface JobViewRow {
  id: number;
  type: string;
  state: JobState;
  progress: number;
  attempts: number;
  max_attempts: number;
  error: string | null;
  video_id: string | null;
  artifact_id: number | null;
  artifact_slug: string | null;
  artifact_title: string | null;
  created_at: number;
  updated_at: number;
}

// A job names its video in its payload; the video names its artifact. Either may be gone (deleted).
const JOB_VIEW = `SELECT j.id, j.type, j.state, j.progress, j.attempts, j.max_attempts, j.error, j.created_at,
    j.updated_at, json_extract(j.payload, '$.videoId') AS video_id, a.id AS artifact_id, a.slug AS artifact_slug,
    a.title_vi AS artifact_title
  FROM jobs j
  LEFT JOIN videos v ON v.id = json_extract(j.payload, '$.videoId')
  LEFT JOIN artifacts a ON a.id = v.artifact_id`;

const toView = (r: JobViewRow): JobView => ({
  id: r.id,
  type: r.type,
  state: r.state,
  progress: r.progress,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  error: r.error,
  videoId: typeof r.video_id === 'string' ? r.video_id : null,
  artifact:
    r.artifact_id === null
      ? null
      : { id: r.artifact_id, slug: r.artifact_slug ?? '', title: r.artifact_title ?? '' },
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** Read models for the staff pages: the artifact list with drafts, and jobs joined to what they work on. */
export class StaffViewsRepository {
  constructor(private readonly db: Db) {}

  /** Ids of artifacts in any state, most recently changed first; q matches slug, accession number or title. */
  artifactIds(filter: { status?: ArtifactStatus; q?: string; limit: number; offset: number }): {
    ids: number[];
    total: number;
  } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      where.push('status = ?');
      params.push(filter.status);
    }
    const q = filter.q?.trim();
    if (q) {
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const match = ['slug', 'accession_number', 'title_vi', 'title_en'].map(
        (c) => `${c} LIKE ? ESCAPE '\\'`,
      );
      where.push(`(${match.join(' OR ')})`);
      params.push(like, like, like, like);
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM artifacts${clause}`).get(...params) as { n: number }
    ).n;
    const ids = (
      this.db
        .prepare(`SELECT id FROM artifacts${clause} ORDER BY updated_at DESC, id DESC LIMIT ? OFFSET ?`)
        .all(...params, filter.limit, filter.offset) as { id: number }[]
    ).map((r) => r.id);
    return { ids, total };
  }

  /** The artifact using this accession number, if any (the column is UNIQUE). */
  artifactByAccession(accessionNumber: string): number | undefined {
    const row = this.db.prepare('SELECT id FROM artifacts WHERE accession_number = ?').get(accessionNumber) as
      | { id: number }
      | undefined;
    return row?.id;
  }

  jobs(filter: { state?: JobState; limit: number; offset: number }): { items: JobView[]; total: number } {
    const clause = filter.state ? ' WHERE j.state = ?' : '';
    const params = filter.state ? [filter.state] : [];
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM jobs j${clause}`).get(...params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(`${JOB_VIEW}${clause} ORDER BY j.id DESC LIMIT ? OFFSET ?`)
      .all(...params, filter.limit, filter.offset) as JobViewRow[];
    return { items: rows.map(toView), total };
  }

  job(id: number): JobView | undefined {
    const row = this.db.prepare(`${JOB_VIEW} WHERE j.id = ?`).get(id) as JobViewRow | undefined;
    return row && toView(row);
  }

  /** Jobs changed at or after a time (ms), oldest change first: the live feed polls this. */
  jobsChangedSince(since: number, limit = 500): JobView[] {
    return (
      this.db
        .prepare(`${JOB_VIEW} WHERE j.updated_at >= ? ORDER BY j.updated_at, j.id LIMIT ?`)
        .all(since, limit) as JobViewRow[]
    ).map(toView);
  }

  /** Jobs still waiting or running for a video (to cancel them when its artifact goes). */
  activeJobIdsForVideo(videoId: string): number[] {
    return (
      this.db
        .prepare(
          `SELECT id FROM jobs WHERE state IN ('queued', 'running') AND json_extract(payload, '$.videoId') = ?`,
        )
        .all(videoId) as { id: number }[]
    ).map((r) => r.id);
  }
}
