import { randomUUID } from 'node:crypto';
import { CaptionError, MediaValidationError, probeMedia, toWebVtt } from '@artifact-stories/media-pipeline';
import type { FastifyInstance } from 'fastify';
import { StaffFilesRepository } from '../../../repositories/staff-files.repository.ts';
import { StaffViewsRepository } from '../../../repositories/staff-views.repository.ts';
import { createPurger } from '../../../services/reach/purge.ts';
import { StaffArtifactsService } from '../../../services/staff-artifacts.service.ts';
import { StaffCaptionsService } from '../../../services/staff-captions.service.ts';
import { StaffJobsService } from '../../../services/staff-jobs.service.ts';
import { UploadAdmission } from '../../../services/upload-admission.service.ts';
import { UploadSlots } from '../../../services/upload-slots.ts';
import { UploadsService } from '../../../services/uploads.service.ts';

/**
 * Uploads one staff member may have in progress at once, and how long an upload may sit without a byte
 * before it stops counting (a slow 8 MiB chunk takes about a minute on 1 Mbit/s).
 */
const UPLOADS_PER_STAFF = 3;
const UPLOAD_IDLE_MS = 10 * 60_000;

export type StaffServices = ReturnType<typeof staffServices>;

/** The staff services wired to this app's repositories, queue and folders. */
export function staffServices(app: FastifyInstance) {
  const { repos, queue } = app;
  const views = new StaffViewsRepository(app.db);
  const files = new StaffFilesRepository({ uploadDir: app.config.uploadDir, mediaDir: app.config.mediaDir });
  const enqueueTranscode = (videoId: string) => app.videoJobs.enqueueTranscode(videoId);
  const slots = new UploadSlots({ perStaff: UPLOADS_PER_STAFF, idleMs: UPLOAD_IDLE_MS });
  return {
    slots,
    admission: new UploadAdmission({ freeBytes: () => files.freeBytes(), slots }),
    views,
    files,
    takedown: createPurger({
      purgeUrl: app.config.PURGE_URL,
      publicUrl: app.config.PUBLIC_URL,
      log: (level, message, fields) => app.log[level](fields ?? {}, message),
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
      preview: (record) => app.catalogue.detail(record),
    }),
    captions: new StaffCaptionsService({
      artifacts: repos.artifacts,
      videos: repos.videos,
      files,
      toWebVtt,
      isCaptionError: (err): err is CaptionError => err instanceof CaptionError,
      jobs: queue,
      enqueueTranscode,
    }),
    jobs: new StaffJobsService({ queue, views, videos: repos.videos }),
    uploads: new UploadsService({
      artifacts: repos.artifacts,
      videos: repos.videos,
      files,
      probe: (path) => probeMedia(path),
      isRefusal: (err): err is MediaValidationError => err instanceof MediaValidationError,
      enqueueTranscode,
      newId: randomUUID,
      log: (message, fields) => app.log.warn(fields ?? {}, message),
    }),
  };
}
