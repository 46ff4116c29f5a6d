import {
  CaptionError,
  FfmpegAbortedError,
  JobTimeLimitError,
  type MediaStore,
  MediaValidationError,
  PermanentJobError,
} from '@artifact-stories/media-pipeline';
import type { Texts } from '../errors/localized.ts';
import { JobInputError } from './video-job-handlers.ts';

/** A newer clip was accepted for the same artifact while this one waited: transcoding it would be wasted. */
export class SupersededVideoError extends Error {
  readonly messages: Texts = {
    en: 'A newer upload replaced this clip, so it was not transcoded.',
    vi: 'Một đoạn phim tải lên sau đã thay thế đoạn phim này, nên đoạn phim này không được chuyển mã.',
  };
  constructor(readonly newerVideoId: string) {
    super(`superseded by video ${newerVideoId}`);
    this.name = 'SupersededVideoError';
  }
}

/**
 * Words staff can act on, in both languages; ffmpeg's own stderr stays in the job's log, not on the artifact
 * page. An unexpected error's own text is technical and English: it is quoted as it is in both.
 */
export function describeFailure(error: unknown): Texts {
  // The handler wraps a refusal in PermanentJobError (no retry); the refusal's own words are its cause.
  const refusal = error instanceof PermanentJobError ? error.cause : error;
  if (
    refusal instanceof MediaValidationError ||
    refusal instanceof SupersededVideoError ||
    refusal instanceof CaptionError ||
    refusal instanceof JobInputError
  )
    return refusal.messages;
  if (error instanceof JobTimeLimitError) return error.messages;
  if (error instanceof FfmpegAbortedError) {
    return {
      en: 'The transcode was stopped before it finished.',
      vi: 'Quá trình chuyển mã đã bị dừng trước khi hoàn tất.',
    };
  }
  const message = error instanceof Error ? error.message : String(error ?? 'unknown error');
  return { en: `The transcode failed: ${message}`, vi: `Chuyển mã không thành công: ${message}` };
}

/** A reason the queue recorded itself (a lease that ran out, say): its text is English only. */
export const recorded = (text: string | null): Texts =>
  text
    ? { en: text, vi: `Chuyển mã không thành công: ${text}` }
    : { en: 'unknown error', vi: 'lỗi không rõ' };

/**
 * Each re-transcode (new captions, say) writes a whole new version. The one it replaces stays, so a player that
 * started on it is not cut off mid-clip; older ones go, so storage use stays bounded at two versions a video.
 */
export async function removeSupersededVersions(
  store: Pick<MediaStore, 'list' | 'removePrefix'>,
  videoId: string,
  keep: (string | null)[],
): Promise<string[]> {
  const versions = new Set((await store.list(`${videoId}/`)).map((e) => e.key.split('/')[1] ?? ''));
  const removed = [...versions].filter((v) => v && !keep.includes(v));
  for (const v of removed) await store.removePrefix(`${videoId}/${v}/`);
  return removed;
}
