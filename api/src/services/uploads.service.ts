import { type ErrorMeta, LocalizedError, type Texts } from '../errors/localized.ts';
import type { StaffFilesRepository } from '../repositories/staff-files.repository.ts';
import type { VideosRepository } from '../repositories/videos.repository.ts';

/** Thrown as tus expects from its hooks: the request ends with this status and a JSON error body. */
export class UploadRefusal extends LocalizedError {
  constructor(
    override readonly statusCode: 400 | 404 | 409 | 410 | 422 | 507,
    messages: Texts,
    meta: ErrorMeta = {},
  ) {
    super(statusCode, messages, meta);
    this.name = 'UploadRefusal';
  }
}

export interface UploadsDeps {
  /** Only whether the artifact exists is asked. */
  artifacts: { byId(id: number): object | undefined };
  videos: Pick<VideosRepository, 'setStatus'> & {
    create(v: Parameters<VideosRepository['create']>[0]): { id: string };
  };
  files: Pick<StaffFilesRepository, 'localUpload' | 'size' | 'moveToSources' | 'removeUpload' | 'removeFile'>;
  /** Decides by content: throws for anything that is not a usable video (the message says why). */
  probe(path: string): Promise<unknown>;
  /** Whether a probe error is a refusal of the file (its messages are shown to staff as they are). */
  isRefusal(err: unknown): err is Error & { messages: Texts };
  enqueueTranscode(videoId: string): { id: number };
  newId(): string;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export interface FinishedUpload {
  id: string;
  metadata?: Record<string, string | null>;
}

export type UploadOutcome =
  | { accepted: true; videoId: string; jobId: number }
  | { accepted: false; videoId: string; messages: Texts };

const FILENAME_MAX = 255;

/** A short, safe extension for the stored source: from the name staff gave, else a neutral one. */
export function sourceExtension(filename: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(filename);
  return match?.[1] ? match[1].toLowerCase() : 'video';
}

/**
 * What happens to a tus upload: refused at creation unless it names an existing artifact and a file name;
 * once complete, probed by content. A refused file is deleted and recorded as a failed video on the artifact
 * with the reason; an accepted one becomes the video's source and a transcode is queued.
 */
export class UploadsService {
  constructor(private readonly deps: UploadsDeps) {}

  /** Upload-Metadata checks at creation (tus onUploadCreate). */
  checkCreate(metadata: Record<string, string | null> | undefined): { artifactId: number; filename: string } {
    const rawId = metadata?.artifactId ?? '';
    const filename = (metadata?.filename ?? '').trim();
    if (!/^[1-9][0-9]{0,15}$/.test(rawId)) {
      throw new UploadRefusal(400, {
        en: 'Upload-Metadata must carry artifactId: the id of the artifact this clip is for.',
        vi: 'Upload-Metadata phải có artifactId: mã số của hiện vật mà đoạn phim này thuộc về.',
      });
    }
    if (!filename) {
      throw new UploadRefusal(400, {
        en: 'Upload-Metadata must carry filename: the name of the clip file.',
        vi: 'Upload-Metadata phải có filename: tên tệp của đoạn phim.',
      });
    }
    if (filename.length > FILENAME_MAX) {
      throw new UploadRefusal(400, {
        en: `The file name is too long: at most ${FILENAME_MAX} characters. Rename the file, then upload it again.`,
        vi: `Tên tệp (filename) quá dài: tối đa ${FILENAME_MAX} ký tự. Hãy đặt tên ngắn hơn rồi tải lên lại.`,
      });
    }
    const artifactId = Number(rawId);
    if (!this.deps.artifacts.byId(artifactId)) {
      throw new UploadRefusal(404, {
        en: `There is no artifact with id ${artifactId}; create the artifact first.`,
        vi: `Không có hiện vật nào có mã số ${artifactId}; hãy tạo hiện vật trước.`,
      });
    }
    return { artifactId, filename };
  }

  /** The upload is complete (tus onUploadFinish). The file never stays behind unless it became a source. */
  async finish(upload: FinishedUpload): Promise<UploadOutcome> {
    const { files, videos } = this.deps;
    let meta: { artifactId: number; filename: string };
    try {
      meta = this.checkCreate(upload.metadata);
    } catch (err) {
      await files.removeUpload(upload.id);
      if (err instanceof UploadRefusal && err.statusCode === 404) {
        throw new UploadRefusal(410, {
          en: 'The artifact was deleted while this clip was uploading.',
          vi: 'Hiện vật đã bị xoá trong lúc đoạn phim này đang được tải lên.',
        });
      }
      throw err;
    }
    // A bucket's upload is fetched to a local file here: ffprobe reads every packet of it.
    const path = await files.localUpload(upload.id);
    const sourceSize = await files.size(path);

    try {
      await this.deps.probe(path);
    } catch (err) {
      await files.removeUpload(upload.id);
      const refusal = this.deps.isRefusal(err);
      if (!refusal) this.deps.log?.('probe failed unexpectedly', { uploadId: upload.id, err });
      const messages: Texts = refusal
        ? err.messages
        : {
            en: 'The file could not be read as a video. Export it again as MP4 (H.264) and upload that.',
            vi: 'Không đọc được tệp này như một video. Hãy xuất lại dưới dạng MP4 (H.264) rồi tải tệp đó lên.',
          };
      const video = videos.create({
        artifactId: meta.artifactId,
        sourcePath: null,
        sourceName: meta.filename,
        sourceSize,
      });
      videos.setStatus(video.id, 'failed', { error: messages });
      return { accepted: false, videoId: video.id, messages };
    }

    // The id comes first so the stored source can be named after the video.
    const videoId = this.deps.newId();
    const sourcePath = await files.moveToSources(path, videoId, sourceExtension(meta.filename));
    try {
      videos.create({
        id: videoId,
        artifactId: meta.artifactId,
        sourcePath,
        sourceName: meta.filename,
        sourceSize,
      });
    } catch (err) {
      await files.removeFile(sourcePath);
      await files.removeUpload(upload.id);
      throw err;
    }
    await files.removeUpload(upload.id);
    const job = this.deps.enqueueTranscode(videoId);
    return { accepted: true, videoId, jobId: job.id };
  }
}
