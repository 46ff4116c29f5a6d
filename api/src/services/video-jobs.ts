import type { Job, JobQueue, MediaStore } from '@artifact-stories/media-pipeline';
import type { Texts } from '../errors/localized.ts';
import type { ArtifactsRepository } from '../repositories/artifacts.repository.ts';
import type { CaptionRecord, VideosRepository } from '../repositories/videos.repository.ts';
import { CANCELLED_BY_STAFF } from './staff-jobs.service.ts';
import {
  describeFailure,
  recorded,
  removeSupersededVersions,
  SupersededVideoError,
} from './video-job-failures.ts';
import { captionKey, type VersionResult } from './video-job-handlers.ts';
import {
  type CaptionRef,
  type CaptionsPayload,
  type LegacyPayload,
  PAYLOAD_VERSION,
  type TranscodePayload,
} from './video-job-payloads.ts';

/** Both kinds make a new version of one video; its status follows either. */
const VERSION_JOBS = new Set(['transcode', 'captions']);

export interface VideoJobDeps {
  queue: Pick<JobQueue, 'enqueue' | 'cancel' | 'get'>;
  repos: {
    videos: Pick<
      VideosRepository,
      'byId' | 'exists' | 'newerAccepted' | 'setStatus' | 'captions' | 'markReady' | 'forArtifact'
    >;
    artifacts: Pick<ArtifactsRepository, 'setCurrentVideo'>;
  };
  /** Where versions are (old ones are removed from it). */
  store: Pick<MediaStore, 'list' | 'removePrefix'>;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface VideoJobs {
  /** The job's worker took it: its video shows 'processing'. */
  onJobStart(job: Job): void;
  /**
   * Keeps the video's status in step with its job when the job leaves 'running', and puts a succeeded job's new
   * version on show. Safe to call twice for one job: a version already on show is not applied again.
   */
  onJobEnd(job: Job, error?: unknown): void;
  enqueueTranscode(videoId: string): Job;
  enqueueCaptions(videoId: string): Job;
  /** A job's payload built again from the catalogue, whatever its format (null: the video is gone). */
  upgrade(payload: LegacyPayload, type: string): TranscodePayload | CaptionsPayload | null;
}

const trimStop = (s: string) => s.replace(/\.\s*$/, '');

const refsOf = (captions: CaptionRecord[]): CaptionRef[] =>
  captions.map(({ lang, label, path, kind, source }) => ({ lang, label, kind, source, file: path }));

/**
 * The catalogue's side of the video jobs: a job's payload is built here, from the catalogue, with every input
 * the worker needs (video-job-payloads.ts), and its end is applied here. What needs the catalogue (a newer upload
 * replaced the clip, the artifact was deleted, captions changed while the job ran) is decided at enqueue and at
 * apply time, so the worker itself (video-job-handlers.ts) may run anywhere.
 */
export function createVideoJobs({ queue, repos, store, log = () => {} }: VideoJobDeps): VideoJobs {
  const transcodePayload = (videoId: string): TranscodePayload | null => {
    const video = repos.videos.byId(videoId);
    if (!video?.sourcePath) return null;
    return {
      v: PAYLOAD_VERSION,
      videoId,
      input: video.sourcePath,
      captions: refsOf(repos.videos.captions(videoId)),
    };
  };
  const captionsPayload = (videoId: string): CaptionsPayload | null => {
    const video = repos.videos.byId(videoId);
    if (!video) return null;
    return {
      v: PAYLOAD_VERSION,
      videoId,
      fromVersion: video.mediaVersion,
      captions: refsOf(repos.videos.captions(videoId)),
    };
  };

  const enqueueCaptions = (videoId: string): Job => {
    const payload = captionsPayload(videoId);
    if (!payload) throw new Error(`Video ${videoId} does not exist.`);
    const job = queue.enqueue('captions', payload);
    repos.videos.setStatus(videoId, 'queued', { jobId: job.id });
    return job;
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
    // A captions job built on a version that is no longer the one on show (a transcode landed meanwhile, on
    // another worker): its media is the old one, so it is dropped and made again from the version on show.
    if (result.fromVersion !== undefined && result.fromVersion !== video.mediaVersion) {
      void store.removePrefix(`${videoId}/${result.version}/`).catch(cleanupFailed(videoId));
      enqueueCaptions(videoId);
      return;
    }
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
    // Captions added, fixed or removed after the job was queued: a captions job brings the version up to date.
    const now = refsOf(repos.videos.captions(videoId)).map(captionKey).sort().join('\n');
    if (Array.isArray(result.captions) && now !== [...result.captions].sort().join('\n'))
      enqueueCaptions(videoId);
  };

  /** Older clips of the artifact still waiting or encoding: a newer upload replaced them, so they stop. */
  const stopReplaced = (videoId: string, artifactId: number) => {
    for (const older of repos.videos.forArtifact(artifactId)) {
      if (older.id === videoId || older.jobId === null || repos.videos.newerAccepted(older.id) === undefined)
        continue;
      const job = queue.get(older.jobId);
      if (job?.type !== 'transcode' || (job.state !== 'queued' && job.state !== 'running')) continue;
      queue.cancel(job.id);
      // A queued job ends at once; a running one when its worker sees the cancel (onJobEnd says why then).
      if (queue.get(job.id)?.state === 'cancelled') onJobEnd(queue.get(job.id) as Job);
    }
  };

  function onJobEnd(job: Job, error?: unknown): void {
    const { videoId } = job.payload as Partial<LegacyPayload>;
    if (!VERSION_JOBS.has(job.type) || !videoId) return;
    if (job.state === 'succeeded') {
      applyResult(job);
      return;
    }
    const video = repos.videos.byId(videoId);
    if (!video) return;
    const newer = job.type === 'transcode' ? repos.videos.newerAccepted(videoId) : undefined;
    const reason = newer
      ? new SupersededVideoError(newer.id).messages
      : error === undefined
        ? recorded(job.error)
        : describeFailure(error);
    const hadVersion = video.mediaVersion != null;
    if (job.state === 'failed' || job.state === 'cancelled') {
      const what: Texts =
        job.state === 'failed' || newer ? reason : { en: 'Cancelled by staff.', vi: 'Nhân viên đã huỷ.' };
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
          error: job.state === 'failed' || newer ? reason : CANCELLED_BY_STAFF,
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
  }

  return {
    onJobStart(job) {
      const { videoId } = job.payload as Partial<LegacyPayload>;
      if (!VERSION_JOBS.has(job.type) || !videoId) return;
      const video = repos.videos.byId(videoId);
      if (video && video.jobId === job.id && video.status !== 'processing')
        repos.videos.setStatus(videoId, 'processing', { jobId: job.id });
    },

    onJobEnd,

    enqueueTranscode(videoId) {
      const payload = transcodePayload(videoId);
      if (!payload) throw new Error(`Video ${videoId} has no source file to transcode.`);
      const job = queue.enqueue('transcode', payload);
      repos.videos.setStatus(videoId, 'queued', { jobId: job.id });
      const video = repos.videos.byId(videoId);
      if (video) stopReplaced(videoId, video.artifactId);
      return job;
    },

    enqueueCaptions,

    upgrade(payload, type) {
      return type === 'transcode' ? transcodePayload(payload.videoId) : captionsPayload(payload.videoId);
    },
  };
}
