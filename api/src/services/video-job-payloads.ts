import type { CaptionKind, CaptionSource } from '@artifact-stories/contracts/languages';
import type { Texts } from '../errors/localized.ts';

/**
 * What a transcode or captions job carries, so that a worker on another machine needs only the queue and the
 * storage, never the catalogue. Files are named by reference: a path on the shared disk (local storage, one
 * machine) or 's3:<key>' in the bucket. Caption files go through storage rather than inside the payload: a file
 * may be up to MAX_CAPTION_BYTES (1 MiB) and a video has several, which would bloat every copy of the job
 * (its row, Redis, each event), while a key is a few bytes and the worker fetches only what it runs.
 */
export const PAYLOAD_VERSION = 2;

export interface CaptionRef {
  lang: string;
  label: string;
  kind: CaptionKind;
  source: CaptionSource;
  /** Where the WebVTT file is: a path on the shared disk or 's3:captions/<videoId>/<lang>.vtt'. */
  file: string;
}

export interface TranscodePayload {
  v: typeof PAYLOAD_VERSION;
  videoId: string;
  /** The source: a path on the shared disk or 's3:sources/<videoId>.<ext>'. */
  input: string;
  captions: CaptionRef[];
}

/** A new version of `fromVersion` with these captions, its media shared (no encode). */
export interface CaptionsPayload {
  v: typeof PAYLOAD_VERSION;
  videoId: string;
  /** The version on show when the job was queued; null: none yet, the coming transcode brings the captions. */
  fromVersion: string | null;
  captions: CaptionRef[];
}

/** A job queued before payloads carried their inputs: `{ input, videoId }` or `{ videoId }`. */
export interface LegacyPayload {
  videoId: string;
  input?: string;
}

export const isCurrent = (payload: unknown): payload is TranscodePayload | CaptionsPayload =>
  (payload as { v?: unknown } | null)?.v === PAYLOAD_VERSION;

/**
 * What a worker with no catalogue says of a legacy job it cannot look up (one already in Redis when the app was
 * updated; the api builds the payload again when it sends a job and when staff retry one, and a worker beside the
 * catalogue looks them up).
 */
export const LEGACY_PAYLOAD: Texts = {
  en: 'This job was queued before an update of the app and does not name its files. Retry it: it is sent again with its files named.',
  vi: 'Tác vụ này được tạo trước khi ứng dụng được cập nhật nên không ghi rõ các tệp cần dùng. Hãy chạy lại tác vụ: hệ thống sẽ gửi lại kèm đầy đủ các tệp.',
};
