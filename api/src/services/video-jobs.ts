import {
  CaptionError,
  FfmpegAbortedError,
  type Job,
  type JobHandler,
  type JobQueue,
  JobTimeLimitError,
  type MediaStore,
  MediaValidationError,
  PermanentJobError,
  recaption,
  removeStaleTempFolders,
  transcode,
} from '@artifact-stories/media-pipeline';
import type { Texts } from '../errors/localized.ts';
import type { ArtifactsRepository } from '../repositories/artifacts.repository.ts';
import type { VideosRepository } from '../repositories/videos.repository.ts';
import { CANCELLED_BY_STAFF } from './staff-jobs.service.ts';

interface TranscodePayload {
  input: string;
  videoId: string;
}

/** A 'captions' job: a new version of the video's current one with the captions stored now. */
interface CaptionsPayload {
  videoId: string;
}

/**
 * What a transcode or captions attempt made: a new version folder, not yet on show. The worker only builds it;
 * applyResult() puts it on show once the queue has accepted the attempt's completion (a worker that lost its
 * lease is refused, so a late finisher never touches the catalogue).
 */
interface VersionResult {
  videoId: string;
  version: string;
  manifest: Parameters<VideosRepository['markReady']>[2];
  wallMs: number;
  /** Files copied instead of hard-linked (captions jobs across filesystems). */
  copied?: number;
}

/** Both kinds make a new version of one video; its status follows either. */
const VERSION_JOBS = new Set(['transcode', 'captions']);

export interface VideoJobDeps {
  queue: Pick<JobQueue, 'enqueue'>;
  repos: {
    videos: Pick<
      VideosRepository,
      'byId' | 'exists' | 'newerAccepted' | 'setStatus' | 'captions' | 'markReady'
    >;
    artifacts: Pick<ArtifactsRepository, 'setCurrentVideo'>;
  };
  /** Where versions go: the media folder, or a bucket. */
  store: MediaStore;
  /** The source as a file ffmpeg can read (a bucket's is downloaded first, and removed by `done`). */
  sources: { localInput(sourcePath: string, dir: string): Promise<{ path: string; done(): Promise<void> }> };
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface VideoJobs {
  handlers: Record<string, JobHandler>;
  /**
   * Keeps the video's status in step with its job when the job leaves 'running', and puts a succeeded job's new
   * version on show. Safe to call twice for one job: a version already on show is not applied again.
   */
  onJobEnd(job: Job, error?: unknown): void;
  enqueueTranscode(videoId: string): Job;
  enqueueCaptions(videoId: string): Job;
  /** The worker's start-up sweep: removes the temp folders of transcodes that died, keeps those of busy jobs. */
  sweep(busy: Job[]): Promise<void>;
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
    refusal instanceof CaptionError
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

/** A reason the queue recorded itself (a lease that ran out, say): its text is English only. */
const recorded = (text: string | null): Texts =>
  text
    ? { en: text, vi: `Chuyển mã không thành công: ${text}` }
    : { en: 'unknown error', vi: 'lỗi không rõ' };

const trimStop = (s: string) => s.replace(/\.\s*$/, '');

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

/**
 * The glue between the catalogue and the pipeline: a 'transcode' job turns a video's source into a new HLS
 * version and makes that video the artifact's current one. The previous version stays servable until then,
 * so a re-transcode (new captions, say) never takes a playing video off the site.
 */
export function createVideoJobs({ queue, repos, store, sources, log = () => {} }: VideoJobDeps): VideoJobs {
  const transcodeHandler: JobHandler = async (job, ctx) => {
    const { input, videoId } = job.payload as TranscodePayload;
    const video = repos.videos.byId(videoId);
    if (!video) throw new PermanentJobError(`Video ${videoId} no longer exists (its artifact was deleted).`);
    const newer = repos.videos.newerAccepted(videoId);
    if (newer) {
      const superseded = new SupersededVideoError(newer.id);
      throw new PermanentJobError(superseded.message, { cause: superseded });
    }
    repos.videos.setStatus(videoId, 'processing', { jobId: job.id });
    const captions = captionInputs(videoId);
    let loggedQuarter = 0;
    const source = await sources.localInput(input, store.scratchDir(videoId));
    try {
      const result = await transcode({
        input: source.path,
        videoDir: store.scratchDir(videoId),
        store,
        captions,
        signal: ctx.signal,
        // The worker's time limit for this job grows with the clip's length.
        onProbed: (probe) => ctx.mediaDuration(probe.durationSec),
        onProgress: (percent) => {
          ctx.progress(percent);
          // The terminal of `npm start` shows each transcode moving, a line per quarter, not per percent.
          const quarter = Math.floor(percent / 25) * 25;
          if (quarter > loggedQuarter && quarter < 100) {
            loggedQuarter = quarter;
            log(`transcoding ${quarter}%`, { videoId, source: video.sourceName, job: job.id });
          }
        },
      });
      return {
        videoId,
        version: result.version,
        manifest: result.manifest,
        wallMs: result.wallMs,
      } satisfies VersionResult;
    } catch (err) {
      if (err instanceof MediaValidationError) throw new PermanentJobError(err.message, { cause: err });
      throw err;
    } finally {
      await source.done();
    }
  };

  const captionInputs = (videoId: string) =>
    repos.videos
      .captions(videoId)
      .map(({ lang, label, path, kind, source }) => ({ lang, label, path, kind, source }));

  // No encode: the current version's media is hard-linked into the new one (media-pipeline/src/recaption.ts).
  const captionsHandler: JobHandler = async (job, ctx) => {
    const { videoId } = job.payload as CaptionsPayload;
    const video = repos.videos.byId(videoId);
    if (!video) throw new PermanentJobError(`Video ${videoId} no longer exists (its artifact was deleted).`);
    // No version yet (its first transcode failed): the next transcode reads the captions itself.
    if (!video.mediaVersion) return null;
    repos.videos.setStatus(videoId, 'processing', { jobId: job.id });
    try {
      const result = await recaption({
        videoDir: store.scratchDir(videoId),
        store,
        fromVersion: video.mediaVersion,
        captions: captionInputs(videoId),
      });
      ctx.progress(100);
      return {
        videoId,
        version: result.version,
        manifest: result.manifest,
        wallMs: Math.round(result.wallMs),
        copied: result.copied,
      } satisfies VersionResult;
    } catch (err) {
      // A stored caption file the pipeline refuses will be refused again: no retry.
      if (err instanceof CaptionError) throw new PermanentJobError(err.message, { cause: err });
      throw err;
    }
  };

  /** Old media left behind is only space: said in the log, never a failed job. */
  const cleanupFailed = (videoId: string) => (err: unknown) =>
    log('media cleanup failed', { videoId, error: err instanceof Error ? err.message : String(err) });

  /** The version a succeeded attempt built goes on show, once: a version already on show is left alone. */
  const applyResult = (job: Job) => {
    const result = job.result as VersionResult | null;
    if (!result?.version) return; // a captions job with nothing to rebuild
    const { videoId } = result;
    const video = repos.videos.byId(videoId);
    if (!video || !repos.videos.exists(videoId)) {
      // The artifact was deleted while ffmpeg ran: its media must not come back.
      void store.removePrefix(`${videoId}/`).catch(cleanupFailed(videoId));
      return;
    }
    if (video.mediaVersion === result.version) return;
    repos.videos.markReady(videoId, result.version, result.manifest);
    // Staff uploaded again while this one encoded: the newer clip goes on show when it is ready, not this one.
    if (job.type === 'transcode' && !repos.videos.newerAccepted(videoId))
      repos.artifacts.setCurrentVideo(video.artifactId, videoId);
    void removeSupersededVersions(store, videoId, [result.version, video.mediaVersion]).catch(
      cleanupFailed(videoId),
    );
    if (result.copied) log('captions: media files copied, not linked (two filesystems)', { videoId });
    log(`${job.type === 'transcode' ? 'video' : 'captions'} ready`, {
      videoId,
      version: result.version,
      wallMs: result.wallMs,
    });
  };

  return {
    handlers: { transcode: transcodeHandler, captions: captionsHandler },

    onJobEnd(job, error) {
      const { videoId } = job.payload as Partial<TranscodePayload>;
      if (!VERSION_JOBS.has(job.type) || !videoId) return;
      if (job.state === 'succeeded') return applyResult(job);
      const video = repos.videos.byId(videoId);
      if (!video) return;
      const reason = error === undefined ? recorded(job.error) : describeFailure(error);
      const hadVersion = video.mediaVersion != null;
      if (job.state === 'failed' || job.state === 'cancelled') {
        const what: Texts =
          job.state === 'failed' ? reason : { en: 'Cancelled by staff.', vi: 'Nhân viên đã huỷ.' };
        // A failed re-transcode produced nothing; the version already on show stays on show.
        if (hadVersion) {
          repos.videos.setStatus(videoId, 'ready', {
            error: {
              en: `The new version was not made (${what.en}) The previous version is still shown; retry to try again.`,
              vi:
                `Phiên bản mới chưa được tạo (${trimStop(what.vi)}). Phiên bản trước vẫn đang được hiển thị; ` +
                'hãy chạy lại để thử lần nữa.',
            },
          });
        } else {
          repos.videos.setStatus(videoId, 'failed', {
            error: job.state === 'failed' ? reason : CANCELLED_BY_STAFF,
          });
        }
      } else if (job.state === 'queued') {
        // A retry after back-off, or a job released at shutdown: it will run again by itself.
        repos.videos.setStatus(videoId, 'queued', {
          error:
            error === undefined
              ? null
              : {
                  en: `Attempt ${job.attempts} failed (${reason.en}); retrying.`,
                  vi: `Lần thử thứ ${job.attempts} không thành công (${trimStop(reason.vi)}); hệ thống đang thử lại.`,
                },
        });
      }
    },

    async sweep(busy) {
      const busyDirs = busy.flatMap((job) => {
        const { videoId } = job.payload as Partial<TranscodePayload>;
        return VERSION_JOBS.has(job.type) && videoId ? [store.scratchDir(videoId)] : [];
      });
      const removed = await removeStaleTempFolders(store.scratchRoot, busyDirs);
      if (removed.length > 0) log('removed temp folders of interrupted transcodes', { folders: removed });
    },

    enqueueTranscode(videoId) {
      const video = repos.videos.byId(videoId);
      if (!video?.sourcePath) throw new Error(`Video ${videoId} has no source file to transcode.`);
      const payload: TranscodePayload = { input: video.sourcePath, videoId };
      const job = queue.enqueue('transcode', payload);
      repos.videos.setStatus(videoId, 'queued', { jobId: job.id });
      return job;
    },

    enqueueCaptions(videoId) {
      const payload: CaptionsPayload = { videoId };
      const job = queue.enqueue('captions', payload);
      repos.videos.setStatus(videoId, 'queued', { jobId: job.id });
      return job;
    },
  };
}
