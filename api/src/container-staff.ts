import { randomUUID } from 'node:crypto';
import {
  CaptionError,
  type JobQueue,
  listCues,
  MediaValidationError,
  probeMedia,
  replaceCueText,
  toWebVtt,
} from '@artifact-stories/media-pipeline';
import type { Config } from './config.ts';
import type { Logger } from './logger.ts';
import type { Repositories } from './repositories/index.ts';
import type { CatalogueService } from './services/catalogue.service.ts';
import type { GroupPagesService } from './services/group-pages.service.ts';
import { StaffExhibitionsService } from './services/learning/staff-exhibitions.service.ts';
import type { PlaybackHealthService } from './services/playback-health.service.ts';
import { createPurger } from './services/reach/purge.ts';
import { StaffArtifactsService } from './services/staff-artifacts.service.ts';
import { StaffCaptionsService } from './services/staff-captions.service.ts';
import { StaffChaptersService } from './services/staff-chapters.service.ts';
import { JobChangeFeed } from './services/staff-events.service.ts';
import { StaffJobsService } from './services/staff-jobs.service.ts';
import { UploadAdmission } from './services/upload-admission.service.ts';
import { UploadSlots } from './services/upload-slots.ts';
import { UploadsService } from './services/uploads.service.ts';
import type { VideoJobs } from './services/video-jobs.ts';

/**
 * Uploads one staff member may have in progress at once, and how long an upload may sit without a byte
 * before it stops counting (a slow 8 MiB chunk takes about a minute on 1 Mbit/s).
 */
const UPLOADS_PER_STAFF = 3;
const UPLOAD_IDLE_MS = 10 * 60_000;

// Part of the composition root (container.ts): built on first use of `container.staff`.
/** The staff services wired to the repositories, the queue and the folders. */
export function staffServices(
  config: Config,
  repos: Repositories,
  queue: JobQueue,
  catalogue: CatalogueService,
  enqueueTranscode: VideoJobs['enqueueTranscode'],
  enqueueCaptions: VideoJobs['enqueueCaptions'],
  log: Logger,
  playback: PlaybackHealthService,
  groupPages: GroupPagesService,
) {
  const { staffViews: views, staffFiles: files } = repos;
  const slots = new UploadSlots({ perStaff: UPLOADS_PER_STAFF, idleMs: UPLOAD_IDLE_MS });
  return {
    playback,
    groupPages,
    slots,
    admission: new UploadAdmission({ freeBytes: () => files.freeBytes(), slots }),
    files,
    takedown: createPurger({
      purgeUrl: config.PURGE_URL,
      publicUrl: config.PUBLIC_URL,
      log: (level, message, fields) => log[level](fields ?? {}, message),
    }),
    artifacts: new StaffArtifactsService({
      artifacts: repos.artifacts,
      videos: repos.videos,
      views,
      reference: {
        hasGroup: (slug) => repos.catalogue.group(slug) !== undefined,
        hasCategory: (slug) => repos.catalogue.categories().some((c) => c.slug === slug),
      },
      jobs: {
        get: (id) => queue.get(id),
        cancelForVideo: (videoId) => {
          for (const id of views.activeJobIdsForVideo(videoId)) queue.cancel(id);
        },
      },
      preview: (record) => catalogue.detail(record),
    }),
    captions: new StaffCaptionsService({
      artifacts: repos.artifacts,
      videos: repos.videos,
      files,
      toWebVtt,
      cues: { list: listCues, replace: replaceCueText },
      isCaptionError: (err): err is CaptionError => err instanceof CaptionError,
      jobs: queue,
      enqueueTranscode,
      enqueueCaptions,
    }),
    chapters: new StaffChaptersService(repos),
    exhibitions: new StaffExhibitionsService(repos),
    jobs: new StaffJobsService({ queue, views, videos: repos.videos }),
    /** One per open job stream: it remembers what that stream was sent. */
    jobFeed: () => new JobChangeFeed((since) => views.jobsChangedSince(since)),
    uploads: new UploadsService({
      artifacts: repos.artifacts,
      videos: repos.videos,
      files,
      probe: (path) => probeMedia(path),
      isRefusal: (err): err is MediaValidationError => err instanceof MediaValidationError,
      enqueueTranscode,
      newId: randomUUID,
      log: (message, fields) => log.warn(fields ?? {}, message),
    }),
  };
}
