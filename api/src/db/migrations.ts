import { QUEUE_RESULT_SQL, QUEUE_SCHEMA_SQL } from '@artifact-stories/media-pipeline';
import type Database from 'better-sqlite3';
import { rebuildArtifactsWithAutoincrement } from './artifact-ids.ts';

type Migration = (db: Database.Database) => void;

// Append only: a released migration never changes. Times are integer milliseconds since the epoch.
export const MIGRATIONS: Migration[] = [
  (db) =>
    db.exec(`
    CREATE TABLE language_families (
      slug TEXT PRIMARY KEY,
      name_vi TEXT NOT NULL,
      name_en TEXT NOT NULL,
      position INTEGER NOT NULL
    );
    CREATE TABLE ethnic_groups (
      slug TEXT PRIMARY KEY,
      code TEXT NOT NULL,
      code_list TEXT NOT NULL,
      name_vi TEXT NOT NULL,
      name_en TEXT NOT NULL,
      language_family TEXT NOT NULL REFERENCES language_families(slug),
      other_names TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE categories (
      slug TEXT PRIMARY KEY,
      name_vi TEXT NOT NULL,
      name_en TEXT NOT NULL,
      position INTEGER NOT NULL
    );
    CREATE TABLE artifacts (
      id INTEGER PRIMARY KEY,
      slug TEXT NOT NULL UNIQUE,
      accession_number TEXT NOT NULL UNIQUE,
      title_vi TEXT NOT NULL,
      title_en TEXT NOT NULL DEFAULT '',
      story_vi TEXT NOT NULL DEFAULT '',
      story_en TEXT NOT NULL DEFAULT '',
      category TEXT NOT NULL REFERENCES categories(slug),
      material_vi TEXT NOT NULL DEFAULT '',
      material_en TEXT NOT NULL DEFAULT '',
      region_vi TEXT NOT NULL DEFAULT '',
      region_en TEXT NOT NULL DEFAULT '',
      featured INTEGER NOT NULL DEFAULT 0,
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
      current_video_id TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      published_at INTEGER
    );
    CREATE INDEX artifacts_status ON artifacts(status, published_at);
    CREATE TABLE artifact_ethnic_groups (
      artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
      ethnic_group TEXT NOT NULL REFERENCES ethnic_groups(slug),
      position INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (artifact_id, ethnic_group)
    );
    CREATE INDEX artifact_ethnic_groups_group ON artifact_ethnic_groups(ethnic_group);
    -- One artifact has one current video (artifacts.current_video_id); the table allows more.
    CREATE TABLE videos (
      id TEXT PRIMARY KEY,
      artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
      source_path TEXT,
      source_name TEXT,
      source_size INTEGER,
      probe TEXT,
      status TEXT NOT NULL CHECK (status IN ('uploaded', 'queued', 'processing', 'ready', 'failed')),
      error TEXT,
      job_id INTEGER,
      media_version TEXT,
      manifest TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX videos_artifact ON videos(artifact_id);
    CREATE TABLE captions (
      video_id TEXT NOT NULL REFERENCES videos(id) ON DELETE CASCADE,
      lang TEXT NOT NULL,
      label TEXT NOT NULL,
      path TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (video_id, lang)
    );
    CREATE TABLE staff (
      id INTEGER PRIMARY KEY,
      email TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'editor')),
      password_hash TEXT NOT NULL,
      created_at INTEGER NOT NULL
    );
    -- id is the SHA-256 of the cookie token: a leaked database does not leak live sessions.
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY,
      staff_id INTEGER NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    );
    -- Changes waiting to reach the search engine; written in the same transaction as the change.
    CREATE TABLE search_outbox (
      id INTEGER PRIMARY KEY,
      artifact_id INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    );
  `),
  // The job queue belongs to the media pipeline; its tables live in the same database file.
  (db) => db.exec(QUEUE_SCHEMA_SQL),
  // A failed or refused video's reason in Vietnamese too (videos.error stays the English one).
  (db) => db.exec('ALTER TABLE videos ADD COLUMN error_vi TEXT'),
  // Artifact ids are never reused (a stale editor tab must not reach a newer artifact under an old id).
  rebuildArtifactsWithAutoincrement,
  // Playback health, only in aggregate: sums per clip version, UTC day and rough network class (no visitor,
  // no address, no time finer than a day). Rows are bounded by clips × days × 4 classes, whatever arrives.
  (db) =>
    db.exec(`
    CREATE TABLE playback_days (
      artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
      video_id TEXT NOT NULL,
      version TEXT NOT NULL,
      day INTEGER NOT NULL,
      network TEXT NOT NULL CHECK (network IN ('slow', 'medium', 'fast', 'unknown')),
      plays INTEGER NOT NULL DEFAULT 0,
      first_frames INTEGER NOT NULL DEFAULT 0,
      stalls INTEGER NOT NULL DEFAULT 0,
      stalled_ms INTEGER NOT NULL DEFAULT 0,
      watched_ms INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (artifact_id, video_id, version, day, network)
    );
    CREATE INDEX playback_days_day ON playback_days(day);
    -- Counts by a small key: start-time histogram buckets, rungs (seconds and plays), error codes.
    CREATE TABLE playback_counts (
      artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
      video_id TEXT NOT NULL,
      version TEXT NOT NULL,
      day INTEGER NOT NULL,
      network TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('start_bucket', 'rung_ms', 'rung_plays', 'error')),
      key TEXT NOT NULL,
      value INTEGER NOT NULL,
      PRIMARY KEY (artifact_id, video_id, version, day, network, kind, key)
    );
    CREATE INDEX playback_counts_day ON playback_counts(day);
  `),
  // The search index the outbox feeds and whether its last rebuild finished (search-index-state.repository.ts).
  (db) =>
    db.exec(`
    CREATE TABLE search_index_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      index_key TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('building', 'built')),
      updated_at INTEGER NOT NULL
    );
  `),
  // Chapters of an artifact's clip: catalogue data, edited without a new media version (chapters.repository.ts).
  // Starts are whole milliseconds so "the same start" is an exact comparison.
  (db) =>
    db.exec(`
    CREATE TABLE chapters (
      artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
      start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
      title_vi TEXT NOT NULL,
      title_en TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (artifact_id, start_ms)
    );
  `),
  addCaptionKinds,
  // Teachers' lessons (lessons.repository.ts): no account, so the row holds only a hash of the edit token. An
  // item goes with its artifact (deleted with it; left out on read while unpublished). `opened_at` drives expiry.
  (db) =>
    db.exec(`
    CREATE TABLE lessons (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE,
      edit_token_hash TEXT NOT NULL,
      title TEXT NOT NULL,
      teacher_name TEXT NOT NULL DEFAULT '',
      lang TEXT NOT NULL CHECK (lang IN ('vi', 'en')),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      opened_at INTEGER NOT NULL,
      taken_down_at INTEGER
    );
    CREATE INDEX lessons_opened_at ON lessons(opened_at);
    CREATE TABLE lesson_items (
      lesson_id INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
      start_sec REAL,
      end_sec REAL,
      note TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (lesson_id, position)
    );
    CREATE INDEX lesson_items_artifact ON lesson_items(artifact_id);
  `),
  // A museum's own words about an ethnic group, per language (group-descriptions.repository.ts). Its own table:
  // the groups' rows are rewritten from the fixtures at every start, the description is staff's.
  (db) =>
    db.exec(`
    CREATE TABLE ethnic_group_descriptions (
      ethnic_group TEXT PRIMARY KEY REFERENCES ethnic_groups(slug) ON DELETE CASCADE,
      description_vi TEXT NOT NULL DEFAULT '',
      description_en TEXT NOT NULL DEFAULT '',
      updated_at INTEGER NOT NULL,
      updated_by INTEGER REFERENCES staff(id) ON DELETE SET NULL
    );
  `),
  // Online exhibitions made by staff (exhibitions.repository.ts): ordered items, each an artifact's film or an
  // excerpt of it (milliseconds, null for "from the start" / "to the end"). Deleting an artifact takes its items
  // with it; the cover names an item's artifact and falls back to the first item when that one goes.
  (db) =>
    db.exec(`
    CREATE TABLE exhibitions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      slug TEXT NOT NULL UNIQUE,
      title_vi TEXT NOT NULL,
      title_en TEXT NOT NULL DEFAULT '',
      intro_vi TEXT NOT NULL DEFAULT '',
      intro_en TEXT NOT NULL DEFAULT '',
      cover_artifact_id INTEGER REFERENCES artifacts(id) ON DELETE SET NULL,
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      published_at INTEGER
    );
    CREATE INDEX exhibitions_status ON exhibitions(status, published_at);
    CREATE TABLE exhibition_items (
      exhibition_id INTEGER NOT NULL REFERENCES exhibitions(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      artifact_id INTEGER NOT NULL REFERENCES artifacts(id) ON DELETE CASCADE,
      start_ms INTEGER CHECK (start_ms >= 0),
      end_ms INTEGER CHECK (end_ms >= 0),
      text_vi TEXT NOT NULL DEFAULT '',
      text_en TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (exhibition_id, position)
    );
    CREATE INDEX exhibition_items_artifact ON exhibition_items(artifact_id);
  `),
  // A job carries what its successful attempt made, applied to the catalogue once by one consumer.
  (db) => db.exec(QUEUE_RESULT_SQL),
];

/**
 * A caption track says what it is: the words as spoken (transcription) or put into another language
 * (translation), by a person or a machine. Tracks from before were uploaded by staff as Vietnamese (the
 * language the museum's clips are narrated in) and its English translation.
 */
export function addCaptionKinds(db: Database.Database): void {
  db.exec(`
    ALTER TABLE captions ADD COLUMN kind TEXT NOT NULL DEFAULT 'transcription'
      CHECK (kind IN ('transcription', 'translation'));
    ALTER TABLE captions ADD COLUMN source TEXT NOT NULL DEFAULT 'human' CHECK (source IN ('human', 'machine'));
    UPDATE captions SET kind = 'translation' WHERE lang = 'en';
  `);
}
