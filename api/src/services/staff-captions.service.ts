import type { Texts } from '../errors/localized.ts';
import type { ArtifactsRepository } from '../repositories/artifacts.repository.ts';
import type { StaffFilesRepository } from '../repositories/staff-files.repository.ts';
import type { VideosRepository } from '../repositories/videos.repository.ts';
import { StaffError } from './staff-error.ts';

export const noArtifact = (id: number): Texts => ({
  en: `There is no artifact with id ${id}; it may have been deleted.`,
  vi: `Không có hiện vật nào có mã số ${id}; có thể hiện vật đã bị xoá.`,
});

const CAPTION_LABELS: Record<'vi' | 'en', string> = { vi: 'Tiếng Việt', en: 'English' };

export interface StaffCaptionsDeps {
  artifacts: Pick<ArtifactsRepository, 'byId'>;
  videos: Pick<VideosRepository, 'latestForArtifact' | 'upsertCaption'>;
  files: Pick<StaffFilesRepository, 'writeCaption'>;
  /** SRT or WebVTT in, WebVTT out; throws on anything else. */
  toWebVtt(text: string): string;
  isCaptionError(err: unknown): err is Error & { messages: Texts };
  jobs: { get(id: number): { state: string } | undefined };
  enqueueTranscode(videoId: string): { id: number };
}

/**
 * Captions belong to a video: they are validated, stored as WebVTT for the artifact's newest video, and a new
 * transcode is queued so the HLS master gains its subtitle group. The version on show stays until then.
 */
export class StaffCaptionsService {
  constructor(private readonly deps: StaffCaptionsDeps) {}

  async attach(
    artifactId: number,
    lang: 'vi' | 'en',
    text: string,
  ): Promise<{ videoId: string; jobId: number }> {
    if (!this.deps.artifacts.byId(artifactId)) {
      throw new StaffError(noArtifact(artifactId), 404);
    }
    const video = this.deps.videos.latestForArtifact(artifactId);
    if (!video) {
      throw new StaffError(
        {
          en: 'This artifact has no video yet: upload the clip first, then its captions.',
          vi: 'Hiện vật này chưa có video: hãy tải đoạn phim lên trước, rồi mới đến phụ đề.',
        },
        409,
        { code: 'no_video' },
      );
    }
    if (!video.sourcePath) {
      throw new StaffError(
        {
          en: 'The newest video of this artifact was refused, so there is nothing to caption: upload a working clip first.',
          vi:
            'Video mới nhất của hiện vật này đã bị từ chối nên chưa có gì để gắn phụ đề: ' +
            'hãy tải lên một đoạn phim dùng được trước.',
        },
        409,
        { code: 'no_video' },
      );
    }
    let vtt: string;
    try {
      vtt = this.deps.toWebVtt(text);
    } catch (err) {
      if (this.deps.isCaptionError(err))
        throw new StaffError(err.messages, 400, { code: 'invalid_captions' });
      throw err;
    }
    const path = await this.deps.files.writeCaption(video.id, lang, vtt);
    this.deps.videos.upsertCaption({ videoId: video.id, lang, label: CAPTION_LABELS[lang], path });
    // A transcode still waiting reads the captions when it starts, so it already includes the new track (and
    // staff see no cancelled job). A running one finishes and a new one follows, so the page always shows a
    // complete version.
    if (video.jobId !== null && this.deps.jobs.get(video.jobId)?.state === 'queued') {
      return { videoId: video.id, jobId: video.jobId };
    }
    const job = this.deps.enqueueTranscode(video.id);
    return { videoId: video.id, jobId: job.id };
  }
}
