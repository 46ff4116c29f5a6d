import type { NetworkClass } from '@artifact-stories/contracts/schemas';
import type { MediaManifest } from '@artifact-stories/media-pipeline';
import type { Db } from '../db/database.ts';

/** A published clip version a report may count for, and the rungs (short sides; 0 = sound only) it has. */
export interface PlaybackClip {
  artifactId: number;
  videoId: string;
  version: string;
  rungs: number[];
}

/** One row of aggregates: a clip version, a UTC day (days since the epoch), a network class. */
export interface PlaybackKey {
  artifactId: number;
  videoId: string;
  version: string;
  day: number;
  network: NetworkClass;
}

export interface PlaybackSums {
  plays: number;
  firstFrames: number;
  stalls: number;
  stalledMs: number;
  watchedMs: number;
}

type CountKind = 'start_bucket' | 'rung_ms' | 'rung_plays' | 'error';

export interface PlaybackCount {
  kind: CountKind;
  key: string;
  value: number;
}

/** The sums of one clip version over a span of days, with its counts, and what staff call it. */
export interface ClipTotals extends PlaybackSums {
  artifactId: number;
  slug: string;
  titleVi: string;
  titleEn: string;
  version: string;
  counts: PlaybackCount[];
}

const KEY_COLUMNS = 'artifact_id, video_id, version, day, network';

/** Playback health's SQL: which clip a report is about, adding to the day's sums, and reading them back. */
export class PlaybackRepository {
  constructor(private readonly db: Db) {}

  /**
   * The clip a report names, only if it is on show now: the current, finished version of the current video of a
   * published artifact. A draft, a failed video or an older version is undefined, like a clip that never was.
   */
  publishedClip(videoId: string, version: string): PlaybackClip | undefined {
    const row = this.db
      .prepare(
        `SELECT a.id AS artifact_id, v.manifest FROM videos v JOIN artifacts a ON a.current_video_id = v.id
         WHERE v.id = ? AND v.media_version = ? AND v.status != 'failed' AND a.status = 'published'
           AND v.manifest IS NOT NULL`,
      )
      .get(videoId, version) as { artifact_id: number; manifest: string } | undefined;
    if (!row) return undefined;
    const manifest = JSON.parse(row.manifest) as MediaManifest;
    const rungs = manifest.renditions.map((r) => Math.min(r.width, r.height));
    if (manifest.audioOnly) rungs.push(0);
    return { artifactId: row.artifact_id, videoId, version, rungs };
  }

  /** Adds one report's sums and counts to its row, in one transaction. */
  add(key: PlaybackKey, sums: PlaybackSums, counts: readonly PlaybackCount[]): void {
    const k = [key.artifactId, key.videoId, key.version, key.day, key.network];
    const addSums = this.db.prepare(
      `INSERT INTO playback_days (${KEY_COLUMNS}, plays, first_frames, stalls, stalled_ms, watched_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (${KEY_COLUMNS}) DO UPDATE SET
         plays = plays + excluded.plays, first_frames = first_frames + excluded.first_frames,
         stalls = stalls + excluded.stalls, stalled_ms = stalled_ms + excluded.stalled_ms,
         watched_ms = watched_ms + excluded.watched_ms`,
    );
    const addCount = this.db.prepare(
      `INSERT INTO playback_counts (${KEY_COLUMNS}, kind, key, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (${KEY_COLUMNS}, kind, key) DO UPDATE SET value = value + excluded.value`,
    );
    this.db.transaction(() => {
      addSums.run(...k, sums.plays, sums.firstFrames, sums.stalls, sums.stalledMs, sums.watchedMs);
      for (const c of counts) if (c.value > 0) addCount.run(...k, c.kind, c.key, c.value);
    })();
  }

  /** Every clip version with reports from `fromDay` on (inclusive), one network class or all, most played first. */
  totalsSince(fromDay: number, network: NetworkClass | 'all'): ClipTotals[] {
    const filter = network === 'all' ? '' : 'AND p.network = @network';
    const rows = this.db
      .prepare(
        `SELECT p.artifact_id, p.version, a.slug, a.title_vi, a.title_en,
           SUM(p.plays) AS plays, SUM(p.first_frames) AS first_frames, SUM(p.stalls) AS stalls,
           SUM(p.stalled_ms) AS stalled_ms, SUM(p.watched_ms) AS watched_ms
         FROM playback_days p JOIN artifacts a ON a.id = p.artifact_id
         WHERE p.day >= @fromDay ${filter}
         GROUP BY p.artifact_id, p.version
         ORDER BY plays DESC, a.slug, p.version`,
      )
      .all({ fromDay, network }) as {
      artifact_id: number;
      version: string;
      slug: string;
      title_vi: string;
      title_en: string;
      plays: number;
      first_frames: number;
      stalls: number;
      stalled_ms: number;
      watched_ms: number;
    }[];
    const counts = this.db
      .prepare(
        `SELECT p.artifact_id, p.version, p.kind, p.key, SUM(p.value) AS value FROM playback_counts p
         WHERE p.day >= @fromDay ${filter}
         GROUP BY p.artifact_id, p.version, p.kind, p.key`,
      )
      .all({ fromDay, network }) as {
      artifact_id: number;
      version: string;
      kind: CountKind;
      key: string;
      value: number;
    }[];
    const byClip = new Map<string, PlaybackCount[]>();
    for (const c of counts) {
      const id = `${c.artifact_id}/${c.version}`;
      byClip.set(id, [...(byClip.get(id) ?? []), { kind: c.kind, key: c.key, value: c.value }]);
    }
    return rows.map((r) => ({
      artifactId: r.artifact_id,
      slug: r.slug,
      titleVi: r.title_vi,
      titleEn: r.title_en,
      version: r.version,
      plays: r.plays,
      firstFrames: r.first_frames,
      stalls: r.stalls,
      stalledMs: r.stalled_ms,
      watchedMs: r.watched_ms,
      counts: byClip.get(`${r.artifact_id}/${r.version}`) ?? [],
    }));
  }
}
