import type { CaptionKind, CaptionSource } from '@artifact-stories/contracts/languages';
import type { CaptionCues } from '@artifact-stories/contracts/schemas';
import type { Texts } from '../errors/localized.ts';
import type { ArtifactsRepository } from '../repositories/artifacts.repository.ts';
import type { StaffFilesRepository } from '../repositories/staff-files.repository.ts';
import type { VideoRecord, VideosRepository } from '../repositories/videos.repository.ts';
import { captionLabel, checkCaptionTag, defaultKind } from './caption-language.ts';
import { StaffError } from './staff-error.ts';

export const noArtifact = (id: number): Texts => ({
  en: `There is no artifact with id ${id}; it may have been deleted.`,
  vi: `Không có hiện vật nào có mã số ${id}; có thể hiện vật đã bị xoá.`,
});

export interface CaptionMeta {
  kind?: CaptionKind;
  source?: CaptionSource;
}

export interface StaffCaptionsDeps {
  artifacts: Pick<ArtifactsRepository, 'byId'>;
  videos: Pick<VideosRepository, 'latestForArtifact' | 'upsertCaption' | 'deleteCaption' | 'captions'>;
  files: Pick<StaffFilesRepository, 'writeCaption' | 'removeFile' | 'readCaption'>;
  /** The pipeline's cue reader and writer (media-pipeline/src/captions/cues.ts). */
  cues: {
    list(vtt: string): CaptionCues['cues'];
    replace(vtt: string, index: number, text: string): string | null;
  };
  /** SRT or WebVTT in, WebVTT out; throws on anything else. */
  toWebVtt(text: string): string;
  isCaptionError(err: unknown): err is Error & { messages: Texts };
  jobs: { get(id: number): { state: string } | undefined };
  enqueueTranscode(videoId: string): { id: number };
  /** A new version with the video's captions as they are now, its media shared with the current one. */
  enqueueCaptions(videoId: string): { id: number };
}

/**
 * Captions belong to a video: they are validated, stored as WebVTT for the artifact's newest video, and a new
 * version is made with them. A video that has a version gets a 'captions' job (its media is reused: no encode,
 * well under a second); one still waiting for its first transcode gets them from that transcode.
 */
export class StaffCaptionsService {
  constructor(private readonly deps: StaffCaptionsDeps) {}

  async attach(
    artifactId: number,
    sentTag: string,
    text: string,
    meta: CaptionMeta = {},
  ): Promise<{ videoId: string; jobId: number }> {
    const lang = checkCaptionTag(sentTag);
    const video = this.videoToCaption(artifactId);
    let vtt: string;
    try {
      vtt = this.deps.toWebVtt(text);
    } catch (err) {
      if (this.deps.isCaptionError(err))
        throw new StaffError(err.messages, 400, { code: 'invalid_captions' });
      throw err;
    }
    const path = await this.deps.files.writeCaption(video.id, lang, vtt);
    this.deps.videos.upsertCaption({
      videoId: video.id,
      lang,
      label: captionLabel(lang),
      path,
      kind: meta.kind ?? defaultKind(lang),
      source: meta.source ?? 'human',
    });
    return { videoId: video.id, jobId: this.newVersion(video).id };
  }

  async remove(artifactId: number, sentTag: string): Promise<{ videoId: string; jobId: number }> {
    const lang = checkCaptionTag(sentTag);
    const video = this.videoToCaption(artifactId);
    const removed = this.deps.videos.deleteCaption(video.id, lang);
    if (!removed) {
      throw new StaffError(
        {
          en: `The newest video has no '${lang}' captions to remove.`,
          vi: `Video mới nhất không có phụ đề '${lang}' để xoá.`,
        },
        404,
      );
    }
    await this.deps.files.removeFile(removed.path);
    return { videoId: video.id, jobId: this.newVersion(video).id };
  }

  /** The track's cues with their times, for the editor. */
  async cues(artifactId: number, sentTag: string): Promise<CaptionCues> {
    const { track } = this.track(artifactId, sentTag);
    return { lang: track.lang, cues: this.deps.cues.list(await this.deps.files.readCaption(track.path)) };
  }

  /** One cue's words fixed, its timing kept; makes a new version like any caption change. */
  async fixCue(
    artifactId: number,
    sentTag: string,
    index: number,
    text: string,
  ): Promise<{ videoId: string; jobId: number }> {
    const { video, track } = this.track(artifactId, sentTag);
    // A blank line would end the cue early and an arrow would read as a timing line: keep lines, drop those.
    const words = text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .join('\n');
    if (!words || words.includes('-->')) {
      throw new StaffError(
        {
          en: "A cue's text must have words and may not contain '-->'. Write the words only; the timing stays as it is.",
          vi: "Lời của câu phụ đề phải có chữ và không được chứa '-->'. Chỉ viết lời; thời gian giữ nguyên.",
        },
        400,
        { code: 'invalid_cue' },
      );
    }
    const fixed = this.deps.cues.replace(await this.deps.files.readCaption(track.path), index, words);
    if (fixed === null) {
      throw new StaffError(
        {
          en: `The '${track.lang}' captions have no cue number ${index + 1}; reload the editor to see them as they are.`,
          vi: `Phụ đề '${track.lang}' không có câu thứ ${index + 1}; hãy tải lại trang để xem phụ đề hiện tại.`,
        },
        404,
      );
    }
    await this.deps.files.writeCaption(video.id, track.lang, this.deps.toWebVtt(fixed));
    return { videoId: video.id, jobId: this.newVersion(video).id };
  }

  private track(artifactId: number, sentTag: string) {
    const lang = checkCaptionTag(sentTag);
    const video = this.videoToCaption(artifactId);
    const track = this.deps.videos.captions(video.id).find((c) => c.lang === lang);
    if (!track) {
      throw new StaffError(
        {
          en: `The newest video has no '${lang}' captions; upload them first.`,
          vi: `Video mới nhất chưa có phụ đề '${lang}'; hãy tải phụ đề lên trước.`,
        },
        404,
      );
    }
    return { video, track };
  }

  private videoToCaption(artifactId: number): VideoRecord {
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
    return video;
  }

  private newVersion(video: VideoRecord): { id: number } {
    // A transcode still waiting reads the caption files when it starts, so it already includes the change (and
    // staff see no cancelled job); a track added or removed since it was queued is brought in by a captions job
    // when its version goes on show (video-jobs.ts, applyResult).
    const state = video.jobId === null ? undefined : this.deps.jobs.get(video.jobId)?.state;
    if (video.jobId !== null && state === 'queued') return { id: video.jobId };
    // A video with a version gets a new one from that version's media. A captions job that ends after a
    // running transcode put a newer version on show is made again from that one (applyResult).
    if (video.mediaVersion !== null || state === 'running') return this.deps.enqueueCaptions(video.id);
    return this.deps.enqueueTranscode(video.id);
  }
}
