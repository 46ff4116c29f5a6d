import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  FfmpegAbortedError,
  type Job,
  type JobHandler,
  type JobQueue,
  MediaValidationError,
  PermanentJobError,
  transcode,
} from '@artifact-stories/media-pipeline';
import type { Repositories } from '../types.ts';

export interface TranscodePayload {
  input: string;
  videoId: string;
}

export interface VideoJobDeps {
  queue: JobQueue;
  repos: Repositories;
  mediaDir: string;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface VideoJobs {
  handlers: Record<string, JobHandler>;
  /** Keeps the video's status in step with its job when the job leaves 'running'. */
  onJobEnd(job: Job, error?: unknown): void;
  enqueueTranscode(videoId: string): Job;
}

/** Words staff can act on; ffmpeg's own stderr stays in the job's log, not on the artifact page. */
export function describeFailure(error: unknown): string {
  if (error instanceof MediaValidationError) return error.message;
  if (error instanceof FfmpegAbortedError) return 'The transcode was stopped before it finished.';
  const message = error instanceof Error ? error.message : String(error ?? 'unknown error');
  return `The transcode failed: ${message}`;
}

/**
 * Each re-transcode (new captions, say) writes a whole new version. The one it replaces stays, so a player that
 * started on it is not cut off mid-clip; older ones go, so disk use stays bounded at two versions a video.
 */
export function removeSupersededVersions(videoDir: string, keep: (string | null)[]): string[] {
  const removed: string[] = [];
  for (const entry of readdirSync(videoDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.') || keep.includes(entry.name)) continue;
    rmSync(join(videoDir, entry.name), { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}

/**
 * The glue between the catalogue and the pipeline: a 'transcode' job turns a video's source into a new HLS
 * version and makes that video the artifact's current one. The previous version stays servable until then,
 * so a re-transcode (new captions, say) never takes a playing video off the site.
 */
export function createVideoJobs({ queue, repos, mediaDir, log = () => {} }: VideoJobDeps): VideoJobs {
  const transcodeHandler: JobHandler = async (job, ctx) => {
    const { input, videoId } = job.payload as TranscodePayload;
    const video = repos.videos.byId(videoId);
    if (!video) throw new PermanentJobError(`Video ${videoId} no longer exists (its artifact was deleted).`);
    repos.videos.setStatus(videoId, 'processing', { jobId: job.id });
    const captions = repos.videos
      .captions(videoId)
      .map((c) => ({ lang: c.lang, label: c.label, path: c.path }));
    try {
      const result = await transcode({
        input,
        videoDir: join(mediaDir, videoId),
        captions,
        signal: ctx.signal,
        onProgress: (percent) => ctx.progress(percent),
      });
      if (!repos.videos.exists(videoId)) {
        // The artifact was deleted while ffmpeg ran: its media folder must not come back.
        rmSync(join(mediaDir, videoId), { recursive: true, force: true });
        return;
      }
      repos.videos.markReady(videoId, result.version, result.manifest);
      repos.artifacts.setCurrentVideo(video.artifactId, videoId);
      removeSupersededVersions(join(mediaDir, videoId), [result.version, video.mediaVersion]);
      log('video ready', { videoId, version: result.version, wallMs: result.wallMs });
    } catch (err) {
      if (err instanceof MediaValidationError) throw new PermanentJobError(err.message);
      throw err;
    }
  };

  return {
    handlers: { transcode: transcodeHandler },

    onJobEnd(job, error) {
      const { videoId } = job.payload as Partial<TranscodePayload>;
      if (job.type !== 'transcode' || !videoId || !repos.videos.exists(videoId)) return;
      if (job.state === 'succeeded') return;
      const reason = error === undefined ? (job.error ?? 'unknown error') : describeFailure(error);
      const hadVersion = repos.videos.byId(videoId)?.mediaVersion != null;
      if (job.state === 'failed' || job.state === 'cancelled') {
        const what = job.state === 'failed' ? reason : 'Cancelled by staff.';
        // A failed re-transcode produced nothing; the version already on show stays on show.
        if (hadVersion) {
          repos.videos.setStatus(videoId, 'ready', {
            error: `The new version was not made (${what}) The previous version is still shown; retry to try again.`,
          });
        } else {
          repos.videos.setStatus(videoId, 'failed', {
            error: job.state === 'failed' ? reason : `${what} Retry to transcode again.`,
          });
        }
      } else if (job.state === 'queued') {
        // A retry after back-off, or a job released at shutdown: it will run again by itself.
        repos.videos.setStatus(videoId, 'queued', {
          error: error === undefined ? null : `Attempt ${job.attempts} failed (${reason}); retrying.`,
        });
      }
    },

    enqueueTranscode(videoId) {
      const video = repos.videos.byId(videoId);
      if (!video?.sourcePath) throw new Error(`Video ${videoId} has no source file to transcode.`);
      const payload: TranscodePayload = { input: video.sourcePath, videoId };
      const job = queue.enqueue('transcode', payload);
      repos.videos.setStatus(videoId, 'queued', { jobId: job.id });
      return job;
    },
  };
}
