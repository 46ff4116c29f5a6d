import type { Localized } from '@artifact-stories/contracts/schemas';
import type { Db } from '../db/database.ts';

/** What the "all films" listing sorts, filters and counts by: one row per published artifact with a film. */
export interface FilmRow {
  id: number;
  slug: string;
  title: Localized;
  /** When it was published (ms); what "newest" sorts by. */
  publishedAt: number;
  category: string;
  ethnicGroups: string[];
  /** Language families of its groups, each once. */
  languageFamilies: string[];
  durationSec: number;
  hasCaptions: boolean;
}

interface Row {
  id: number;
  slug: string;
  title_vi: string;
  title_en: string;
  published: number;
  category: string;
  groups: string | null;
  families: string | null;
  duration: number | null;
  captions: number | null;
}

/**
 * A ready film is what publicVideo (catalogue.service.ts) shows: a manifest and a media version, and not
 * failed (the last finished version stays on show while a newer one is made). Duration and captions come
 * from the stored manifest, so listing needs no file.
 */
const FILMS = `SELECT a.id, a.slug, a.title_vi, a.title_en, COALESCE(a.published_at, a.created_at) AS published,
    a.category,
    (SELECT group_concat(ethnic_group, ',') FROM
      (SELECT ethnic_group FROM artifact_ethnic_groups WHERE artifact_id = a.id ORDER BY position)) AS groups,
    (SELECT group_concat(DISTINCT g.language_family) FROM artifact_ethnic_groups x
      JOIN ethnic_groups g ON g.slug = x.ethnic_group WHERE x.artifact_id = a.id) AS families,
    json_extract(v.manifest, '$.probe.durationSec') AS duration,
    json_array_length(v.manifest, '$.captions') AS captions
  FROM artifacts a JOIN videos v ON v.id = a.current_video_id
  WHERE a.status = 'published' AND v.manifest IS NOT NULL AND v.media_version IS NOT NULL
    AND v.status != 'failed'`;

/**
 * Published artifacts whose film visitors can play: the rows the films listing and film counts work on.
 *
 * Reading them all costs about a millisecond per 25 films (json_extract over each manifest; `npm run bench --
 * films`), so they are kept until the database changes: `data_version` moves when another connection (the
 * worker, a script) commits, `total_changes()` when this one writes. Any write at all, so an unpublished
 * film leaves the very next answer, counts included.
 */
export class FilmsRepository {
  private cached?: { version: string; rows: readonly FilmRow[] };

  constructor(private readonly db: Db) {}

  private version(): string {
    const other = this.db.pragma('data_version', { simple: true }) as number;
    const own = (this.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    return `${other}:${own}`;
  }

  /** Shared between callers until the next change: read, never modify. */
  films(): readonly FilmRow[] {
    const version = this.version();
    if (this.cached?.version !== version) this.cached = { version, rows: this.read() };
    return this.cached.rows;
  }

  private read(): FilmRow[] {
    return (this.db.prepare(FILMS).all() as Row[]).map((r) => ({
      id: r.id,
      slug: r.slug,
      title: { vi: r.title_vi, en: r.title_en },
      publishedAt: r.published,
      category: r.category,
      ethnicGroups: r.groups ? r.groups.split(',') : [],
      languageFamilies: r.families ? r.families.split(',') : [],
      durationSec: r.duration ?? 0,
      hasCaptions: (r.captions ?? 0) > 0,
    }));
  }
}
