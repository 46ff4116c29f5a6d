import { JOBS_PAGE } from '@artifact-stories/contracts/limits';
import type { JobListQuery, JobPage, JobView } from '@artifact-stories/contracts/schemas';
import type { Job, JobQueue } from '@artifact-stories/media-pipeline';
import type { Texts } from '../errors/localized.ts';
import type { StaffViewsRepository } from '../repositories/staff-views.repository.ts';
import type { VideosRepository } from '../repositories/videos.repository.ts';
import { StaffError } from './staff-error.ts';

export interface StaffJobsDeps {
  queue: Pick<JobQueue, 'get' | 'retry' | 'cancel'>;
  views: Pick<StaffViewsRepository, 'jobs' | 'job'>;
  videos: Pick<VideosRepository, 'byId' | 'setStatus'>;
}

/** Job states as the jobs page names them in Vietnamese. */
const STATE_VI: Record<Job['state'], string> = {
  queued: 'đang chờ',
  running: 'đang chạy',
  succeeded: 'đã xong',
  failed: 'bị lỗi',
  cancelled: 'đã huỷ',
};

export const CANCELLED_BY_STAFF: Texts = {
  en: 'Cancelled by staff. Retry to transcode again.',
  vi: 'Nhân viên đã huỷ tác vụ này. Hãy chạy lại để chuyển mã lần nữa.',
};

const videoIdOf = (job: Job): string | undefined => {
  const id = (job.payload as { videoId?: unknown } | null)?.videoId;
  return typeof id === 'string' ? id : undefined;
};

/** The jobs page: list, retry and cancel, keeping each video's status in step with its job. */
export class StaffJobsService {
  constructor(private readonly deps: StaffJobsDeps) {}

  list(query: JobListQuery): JobPage {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? JOBS_PAGE.default;
    const { items, total } = this.deps.views.jobs({
      state: query.state,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { items, total, page, pageSize };
  }

  private existing(id: number): Job {
    const job = this.deps.queue.get(id);
    if (!job) throw new StaffError({ en: `There is no job ${id}.`, vi: `Không có tác vụ số ${id}.` }, 404);
    return job;
  }

  private view(id: number): JobView {
    return this.deps.views.job(id) as JobView;
  }

  /** The video this job works on, if the job is still the one the video waits for. */
  private videoOf(job: Job) {
    const videoId = videoIdOf(job);
    const video = videoId ? this.deps.videos.byId(videoId) : undefined;
    return video && (video.jobId === null || video.jobId === job.id) ? video : undefined;
  }

  retry(id: number): JobView {
    const before = this.existing(id);
    if (before.state !== 'failed' && before.state !== 'cancelled') {
      throw new StaffError(
        {
          en: `Job ${id} is ${before.state}; only failed or cancelled jobs can be retried.`,
          vi: `Tác vụ ${id} đang ở trạng thái ${STATE_VI[before.state]}; chỉ tác vụ bị lỗi hoặc đã huỷ mới chạy lại được.`,
        },
        409,
      );
    }
    const job = this.deps.queue.retry(id) as Job;
    const video = this.videoOf(job);
    if (video && job.state === 'queued')
      this.deps.videos.setStatus(video.id, 'queued', { jobId: id, error: null });
    return this.view(id);
  }

  /** Queued jobs stop at once; a running one is stopped by its worker within a heartbeat. */
  cancel(id: number): JobView {
    const before = this.existing(id);
    if (before.state !== 'queued' && before.state !== 'running') {
      throw new StaffError(
        {
          en: `Job ${id} has already ended (${before.state}); there is nothing to cancel.`,
          vi: `Tác vụ ${id} đã kết thúc (${STATE_VI[before.state]}); không còn gì để huỷ.`,
        },
        409,
      );
    }
    const job = this.deps.queue.cancel(id) as Job;
    const video = this.videoOf(job);
    if (video && job.state === 'cancelled') {
      // A re-transcode (new captions) that is cancelled leaves the version already on show in place.
      if (video.mediaVersion) {
        this.deps.videos.setStatus(video.id, 'ready', {
          error: {
            en: 'The newest transcode was cancelled; the previous version stays on show. Retry to rebuild it.',
            vi: 'Lần chuyển mã mới nhất đã bị huỷ; phiên bản trước vẫn đang được hiển thị. Hãy chạy lại để tạo phiên bản mới.',
          },
        });
      } else {
        this.deps.videos.setStatus(video.id, 'failed', { error: CANCELLED_BY_STAFF });
      }
    }
    return this.view(id);
  }
}
