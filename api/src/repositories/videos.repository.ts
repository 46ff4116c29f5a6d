import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { VideoStatus } from '../schemas/artifacts.ts';

/** What the pipeline wrote into a version folder's manifest.json, as far as the api needs it. */
export interface MediaManifest {
  version: string;
  master: string;
  probe: { durationSec: number; video: { displayWidth: number; displayHeight: number } };
  renditions: { name: string; width: number; height: number; fps: number; bandwidth: number }[];
  poster: {
    jpeg: { width: number; height: number; file: string }[];
    webp: { width: number; height: number; file: string }[];
  };
  storyboard: { vtt: string } | null;
  captions: { lang: string; label: string; vtt: string; playlist: string }[];
}

export interface VideoRecord {
  id: string;
  artifactId: number;
  sourcePath: string | null;
  sourceName: string | null;
  sourceSize: number | null;
  status: VideoStatus;
  error: string | null;
  jobId: number | null;
  mediaVersion: string | null;
  manifest: MediaManifest | null;
  createdAt: number;
  updatedAt: number;
}

export interface CaptionRecord {
  videoId: string;
  lang: string;
  label: string;
  path: string;
}

interface VideoRow {
  id: string;
  artifact_id: number;
  source_path: string | null;
  source_name: string | null;
  source_size: number | null;
  status: VideoStatus;
  error: string | null;
  job_id: number | null;
  media_version: string | null;
  manifest: string | null;
  created_at: number;
  updated_at: number;
}

const toRecord = (r: VideoRow): VideoRecord => ({
  id: r.id,
  artifactId: r.artifact_id,
  sourcePath: r.source_path,
  sourceName: r.source_name,
  sourceSize: r.source_size,
  status: r.status,
  error: r.error,
  jobId: r.job_id,
  mediaVersion: r.media_version,
  manifest: r.manifest ? (JSON.parse(r.manifest) as MediaManifest) : null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class VideosRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  create(v: { artifactId: number; sourcePath: string; sourceName: string; sourceSize: number }): VideoRecord {
    const id = randomUUID();
    const t = this.now();
    this.db
      .prepare(
        `INSERT INTO videos (id, artifact_id, source_path, source_name, source_size, status, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'uploaded', ?, ?)`,
      )
      .run(id, v.artifactId, v.sourcePath, v.sourceName, v.sourceSize, t, t);
    return this.byId(id) as VideoRecord;
  }

  byId(id: string): VideoRecord | undefined {
    const row = this.db.prepare('SELECT * FROM videos WHERE id = ?').get(id) as VideoRow | undefined;
    return row && toRecord(row);
  }

  byJob(jobId: number): VideoRecord | undefined {
    const row = this.db.prepare('SELECT * FROM videos WHERE job_id = ?').get(jobId) as VideoRow | undefined;
    return row && toRecord(row);
  }

  byIds(ids: string[]): Map<string, VideoRecord> {
    if (!ids.length) return new Map();
    const rows = this.db
      .prepare(`SELECT * FROM videos WHERE id IN (${ids.map(() => '?').join(',')})`)
      .all(...ids) as VideoRow[];
    return new Map(rows.map((r) => [r.id, toRecord(r)]));
  }

  setStatus(
    id: string,
    status: VideoStatus,
    fields: { error?: string | null; jobId?: number | null } = {},
  ): void {
    this.db
      .prepare(
        `UPDATE videos SET status = ?, error = ?, job_id = COALESCE(?, job_id), updated_at = ? WHERE id = ?`,
      )
      .run(status, fields.error ?? null, fields.jobId ?? null, this.now(), id);
  }

  markReady(id: string, version: string, manifest: MediaManifest): void {
    this.db
      .prepare(
        `UPDATE videos SET status = 'ready', error = NULL, media_version = ?, manifest = ?, updated_at = ? WHERE id = ?`,
      )
      .run(version, JSON.stringify(manifest), this.now(), id);
  }

  upsertCaption(c: CaptionRecord): void {
    this.db
      .prepare(
        `INSERT INTO captions (video_id, lang, label, path, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(video_id, lang) DO UPDATE SET label = excluded.label, path = excluded.path`,
      )
      .run(c.videoId, c.lang, c.label, c.path, this.now());
  }

  captions(videoId: string): CaptionRecord[] {
    return (
      this.db.prepare('SELECT * FROM captions WHERE video_id = ? ORDER BY lang').all(videoId) as {
        video_id: string;
        lang: string;
        label: string;
        path: string;
      }[]
    ).map((r) => ({ videoId: r.video_id, lang: r.lang, label: r.label, path: r.path }));
  }

  /** Whether a media version may be served publicly: a finished version of the current, ready video of a
   * published artifact. Older versions stay servable (they never change) so a player mid-stream is not cut off. */
  isPublicVersion(videoId: string, version: string): boolean {
    return (
      this.db
        .prepare(
          `SELECT 1 FROM videos v JOIN artifacts a ON a.current_video_id = v.id
           WHERE v.id = ? AND v.status = 'ready' AND a.status = 'published'`,
        )
        .get(videoId) !== undefined && !version.startsWith('.')
    );
  }

  exists(videoId: string): boolean {
    return this.db.prepare('SELECT 1 FROM videos WHERE id = ?').get(videoId) !== undefined;
  }
}
