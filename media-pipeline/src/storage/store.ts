// One interface for where finished media lives: a local folder (the default) or an S3-compatible bucket. The
// pipeline builds every version in a local scratch folder (ffmpeg writes files), then hands it to the store;
// the api reads from the store to serve media, back it up and check it. Keys are '/'-separated and relative
// to the store: '<videoId>/<version>/<file>'.
import type { Readable } from 'node:stream';

/** Inclusive byte positions, as HTTP Range counts them. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  body: Readable;
  /** The whole object's size, whatever part of it `body` carries. */
  size: number;
}

export interface StoredEntry {
  key: string;
  size: number;
  /** A bucket's ETag (MD5 of a single-part object): a backup manifest records it instead of hashing. */
  etag?: string;
}

/** A new version: the folder built locally, and what it shares with the version it replaces. */
export interface VersionToPublish {
  /** The finished folder in `scratchDir(videoId)`: consumed (moved or uploaded, then removed). */
  dir: string;
  videoId: string;
  version: string;
  /** Files of an earlier version of the same video the new one holds unchanged (a caption change). */
  reuse?: { fromVersion: string; files: readonly string[] };
}

export interface PublishResult {
  /** Files shared without copying bytes (hard links; server-side copies in a bucket)... */
  linked: number;
  /** ...and those whose bytes were copied. */
  copied: number;
}

export interface MediaStore {
  /** For logs and the doctor: 'folder /data/media' or 's3://bucket/media/ at http://...'. */
  readonly where: string;
  /** Where a version of this video is built before `publishVersion` (on the store's disk for a folder). */
  scratchDir(videoId: string): string;
  /** The parent of every scratch folder, swept of temp folders a dead worker left. */
  readonly scratchRoot: string;
  /**
   * Makes the version readable under '<videoId>/<version>/' all at once from a reader's point of view: a
   * folder is renamed into place; in a bucket every file is uploaded and the manifest last, and the
   * catalogue points at the version only after this returns.
   */
  publishVersion(version: VersionToPublish, completeMarker: string): Promise<PublishResult>;
  /** Undefined when there is no such object. A range past the end is clamped by the caller (see `stat`). */
  read(key: string, range?: ByteRange): Promise<StoredObject | undefined>;
  /** The etag is the bucket's (a folder's files are served with their own validators). */
  stat(key: string): Promise<{ size: number; etag?: string } | undefined>;
  /** Every object under the prefix ('<videoId>/', '<videoId>/<version>/', '' for all), keys relative to the store. */
  list(prefix: string): Promise<StoredEntry[]>;
  /** Removes every object under the prefix; returns how many. */
  removePrefix(prefix: string): Promise<number>;
  /** Writes, reads back and removes a small object: the keys reach the store and may write. */
  check(): Promise<void>;
}

const KEY_PART = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Keys name what the pipeline made: plain segments only, so no key can climb out of its folder or prefix. */
export function checkKey(key: string): string {
  const parts = key.split('/');
  if (parts.some((p) => !KEY_PART.test(p) || p.includes('..'))) {
    throw new Error(`Refusing an unsafe storage key: ${JSON.stringify(key)}`);
  }
  return key;
}

/** A prefix is a key that ends in '/', or '' for everything. */
export function checkPrefix(prefix: string): string {
  if (prefix === '') return prefix;
  if (!prefix.endsWith('/')) throw new Error(`A storage prefix ends in '/': ${JSON.stringify(prefix)}`);
  checkKey(prefix.slice(0, -1));
  return prefix;
}

/** What each file the pipeline writes is, for the media route and for the objects a bucket stores. */
export const MEDIA_CONTENT_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  vtt: 'text/vtt; charset=utf-8',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  json: 'application/json',
};
