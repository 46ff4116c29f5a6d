import { randomUUID } from 'node:crypto';
import type { CaptionKind, CaptionSource } from '@artifact-stories/contracts/languages';
import type { VideoStatus } from '@artifact-stories/contracts/states';
import type { MediaManifest } from '@artifact-stories/media-pipeline';
import type { Db } from '../db/database.ts';
import type { Texts } from '../errors/localized.ts';

// What the pipeline wrote into a version folder's manifest.json; the api stores it as it is.
export type { MediaManifest } from '@artifact-stories/media-pipeline';

export interface VideoRecord {
  id: string;
  artifactId: number;
  sourcePath: string | null;
  sourceName: string | null;
  sourceSize: number | null;
  status: VideoStatus;
  /** Why the video failed or what happened to its newest transcode, in English... */
  error: string | null;
  /** ...and in Vietnamese (null for errors stored before both were kept). */
  errorVi: string | null;
  jobId: number | null;
  mediaVersion: string | null;
  manifest: MediaManifest | null;
  createdAt: number;
  updatedAt: number;
}

export interface CaptionRecord {
  videoId: string;
  /** BCP 47 tag. */
  lang: string;
  label: string;
  path: string;
  kind: CaptionKind;
  source: CaptionSource;
}

interface VideoRow {
  id: string;
  artifact_id: number;
  source_path: string | null;
  source_name: string | null;
  source_size: number | null;
  status: VideoStatus;
  error: string | null;
  error_vi: string | null;
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
  errorVi: r.error_vi,
  jobId: r.job_id,
  mediaVersion: r.media_version,
  manifest: r.manifest ? (JSON.parse(r.manifest) as MediaManifest) : null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/**
 * Which sources and caption files the catalogue names on this disk rather than in the bucket ('s3:' references):
 * one definition for the move into the bucket (filesOnDisk) and the doctor's count (database-status).
 */
export const SOURCES_ON_DISK = "FROM videos WHERE source_path IS NOT NULL AND source_path NOT LIKE 's3:%'";
export const CAPTIONS_ON_DISK = "FROM captions WHERE path NOT LIKE 's3:%'";

export class VideosRepository {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** `id` may be chosen first (to name the source file after it); a refused upload has no source path. */
  create(v: {
    id?: string;
    artifactId: number;
    sourcePath: string | null;
    sourceName: string;
    sourceSize: number;
  }): VideoRecord {
    const id = v.id ?? randomUUID();
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
    /** A plain string is stored as the English text only. */
    fields: { error?: Texts | string | null; jobId?: number | null } = {},
  ): void {
    const error = typeof fields.error === 'string' ? { en: fields.error, vi: null } : (fields.error ?? null);
    this.db
      .prepare(
        `UPDATE videos SET status = ?, error = ?, error_vi = ?, job_id = COALESCE(?, job_id), updated_at = ?
         WHERE id = ?`,
      )
      .run(status, error?.en ?? null, error?.vi ?? null, fields.jobId ?? null, this.now(), id);
  }

  /**
   * A new version is on show. Its artifact is queued for reindexing in the same transaction: the version's
   * caption cues are in the search document, and a caption change makes a new version of the current video
   * that nothing else may queue (video-jobs.ts skips setCurrentVideo while a newer upload is encoding).
   */
  markReady(id: string, version: string, manifest: MediaManifest): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE videos SET status = 'ready', error = NULL, error_vi = NULL, media_version = ?, manifest = ?, updated_at = ? WHERE id = ?`,
        )
        .run(version, JSON.stringify(manifest), this.now(), id);
      this.db
        .prepare(
          'INSERT INTO search_outbox (artifact_id, created_at) SELECT artifact_id, ? FROM videos WHERE id = ?',
        )
        .run(this.now(), id);
    })();
  }

  upsertCaption(c: CaptionRecord): void {
    this.db
      .prepare(
        `INSERT INTO captions (video_id, lang, label, path, kind, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(video_id, lang) DO UPDATE SET label = excluded.label, path = excluded.path,
           kind = excluded.kind, source = excluded.source`,
      )
      .run(c.videoId, c.lang, c.label, c.path, c.kind, c.source, this.now());
  }

  /**
   * Sources and caption files the catalogue names on this disk rather than in the bucket ('s3:' references):
   * what must move into the bucket once one is configured, so a worker on another machine can read them.
   */
  filesOnDisk(): {
    sources: { videoId: string; path: string }[];
    captions: { videoId: string; lang: string; path: string }[];
  } {
    const sources = this.db
      .prepare(`SELECT id AS videoId, source_path AS path ${SOURCES_ON_DISK} ORDER BY created_at`)
      .all() as { videoId: string; path: string }[];
    const captions = this.db
      .prepare(`SELECT video_id AS videoId, lang, path ${CAPTIONS_ON_DISK} ORDER BY video_id, lang`)
      .all() as { videoId: string; lang: string; path: string }[];
    return { sources, captions };
  }

  /** Where the source now is; only if it was still at `from` (two starts racing move a file once). */
  moveSource(videoId: string, from: string, to: string): void {
    this.db
      .prepare('UPDATE videos SET source_path = ? WHERE id = ? AND source_path = ?')
      .run(to, videoId, from);
  }

  /** Where a caption file now is; only if staff did not save a new one meanwhile. */
  moveCaption(videoId: string, lang: string, from: string, to: string): void {
    this.db
      .prepare('UPDATE captions SET path = ? WHERE video_id = ? AND lang = ? AND path = ?')
      .run(to, videoId, lang, from);
  }

  /** Returns the removed track (its file is the caller's to delete), or undefined if there was none. */
  deleteCaption(videoId: string, lang: string): CaptionRecord | undefined {
    const existing = this.captions(videoId).find((c) => c.lang === lang);
    if (existing) this.db.prepare('DELETE FROM captions WHERE video_id = ? AND lang = ?').run(videoId, lang);
    return existing;
  }

  captions(videoId: string): CaptionRecord[] {
    return (
      this.db.prepare('SELECT * FROM captions WHERE video_id = ? ORDER BY lang').all(videoId) as {
        video_id: string;
        lang: string;
        label: string;
        path: string;
        kind: CaptionKind;
        source: CaptionSource;
      }[]
    ).map((r) => ({
      videoId: r.video_id,
      lang: r.lang,
      label: r.label,
      path: r.path,
      kind: r.kind,
      source: r.source,
    }));
  }

  /** Whether a media version may be served publicly: a finished version of the current video of a published
   * artifact. A video being re-transcoded keeps its last version on show, and older versions stay servable (they
   * never change) so a player mid-stream is not cut off. Nothing of a failed video or a temp folder (.tmp-*) is. */
  isPublicVersion(videoId: string, version: string): boolean {
    return (
      !version.startsWith('.') &&
      this.db
        .prepare(
          `SELECT 1 FROM videos v JOIN artifacts a ON a.current_video_id = v.id
           WHERE v.id = ? AND v.media_version IS NOT NULL AND v.status != 'failed' AND a.status = 'published'`,
        )
        .get(videoId) !== undefined
    );
  }

  /**
   * The version of each video that is on show now: the current version of the current video of every published
   * artifact. What the front server may serve from disk (services/published-tree.service.ts); a subset of
   * isPublicVersion, which also lets the app answer for the version a playing film started on.
   */
  publicVersions(): { videoId: string; version: string }[] {
    return this.db
      .prepare(
        `SELECT v.id AS videoId, v.media_version AS version FROM videos v JOIN artifacts a ON a.current_video_id = v.id
         WHERE v.media_version IS NOT NULL AND v.status != 'failed' AND a.status = 'published'`,
      )
      .all() as { videoId: string; version: string }[];
  }

  /** The newest video of an artifact, whatever its state (what staff see). */
  latestForArtifact(artifactId: number): VideoRecord | undefined {
    const row = this.db
      .prepare('SELECT * FROM videos WHERE artifact_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1')
      .get(artifactId) as VideoRow | undefined;
    return row && toRecord(row);
  }

  /**
   * A clip uploaded after this video and accepted (it has a source) for the same artifact: it replaces this one,
   * which then must neither be transcoded nor be put on show. A refused upload (no source) replaces nothing.
   */
  newerAccepted(videoId: string): VideoRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT n.* FROM videos v JOIN videos n ON n.artifact_id = v.artifact_id AND n.source_path IS NOT NULL
           AND (n.created_at > v.created_at OR (n.created_at = v.created_at AND n.rowid > v.rowid))
         WHERE v.id = ? ORDER BY n.created_at DESC, n.rowid DESC LIMIT 1`,
      )
      .get(videoId) as VideoRow | undefined;
    return row && toRecord(row);
  }

  forArtifact(artifactId: number): VideoRecord[] {
    return (
      this.db
        .prepare('SELECT * FROM videos WHERE artifact_id = ? ORDER BY created_at')
        .all(artifactId) as VideoRow[]
    ).map(toRecord);
  }

  delete(id: string): void {
    this.db.prepare('DELETE FROM videos WHERE id = ?').run(id);
  }

  exists(videoId: string): boolean {
    return this.db.prepare('SELECT 1 FROM videos WHERE id = ?').get(videoId) !== undefined;
  }
}
