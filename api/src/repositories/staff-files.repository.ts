import { copyFile, mkdir, readFile, rename, rm, stat, statfs, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { MediaStore } from '@artifact-stories/media-pipeline';

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function safeId(id: string): string {
  if (!SAFE_ID.test(id) || id.includes('..'))
    throw new Error(`Refusing an unsafe file id: ${JSON.stringify(id)}`);
  return id;
}

function inside(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && rel !== '..';
}

/**
 * The files staff actions touch, all under DATA_DIR: tus uploads in progress (uploads/tus), accepted sources
 * (uploads/sources/<videoId>.<ext>), caption files (uploads/captions/<videoId>/<lang>.vtt) and the media
 * the pipeline writes (media/<videoId>, through the media store). Nothing outside these folders is ever removed.
 * With a bucket, bucket-files.repository.ts keeps uploads and sources there instead.
 */
export class StaffFilesRepository {
  readonly tusDir: string;
  readonly sourcesDir: string;
  readonly captionsDir: string;

  constructor(
    protected readonly dirs: { uploadDir: string },
    private readonly media: Pick<MediaStore, 'removePrefix'>,
  ) {
    this.tusDir = join(dirs.uploadDir, 'tus');
    this.sourcesDir = join(dirs.uploadDir, 'sources');
    this.captionsDir = join(dirs.uploadDir, 'captions');
  }

  tusPath(uploadId: string): string {
    return join(this.tusDir, safeId(uploadId));
  }

  /** A finished upload as a local file (ffprobe reads it). */
  async localUpload(uploadId: string): Promise<string> {
    return this.tusPath(uploadId);
  }

  /**
   * A job's input (its source or a caption file) as a file ffmpeg can read; `done` removes what was fetched for
   * it (nothing here: the file is on the shared disk). Undefined when the file is gone.
   */
  async localInput(ref: string, _dir: string): Promise<{ path: string; done(): Promise<void> } | undefined> {
    try {
      await stat(ref);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    return { path: ref, done: async () => {} };
  }

  /** Bytes an unprivileged process may still write on the disk that holds the uploads. */
  async freeBytes(): Promise<number> {
    await mkdir(this.tusDir, { recursive: true });
    const fs = await statfs(this.tusDir);
    return fs.bavail * fs.bsize;
  }

  async size(path: string): Promise<number> {
    return (await stat(path)).size;
  }

  /** A finished upload becomes the video's source. Rename is atomic; a copy is only needed across devices. */
  async moveToSources(from: string, videoId: string, ext: string): Promise<string> {
    const to = join(this.sourcesDir, `${safeId(videoId)}.${ext}`);
    await mkdir(this.sourcesDir, { recursive: true });
    try {
      await rename(from, to);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      await copyFile(from, to);
      await unlink(from);
    }
    return to;
  }

  /**
   * A file already on this disk (a generated fixture clip, or a source kept here before a bucket was configured)
   * as the video's source: here it stays where it is; bucket-files.repository.ts copies it into the bucket.
   */
  async adoptSource(file: string, _videoId: string): Promise<string> {
    return file;
  }

  /** The upload's bytes and tus's info file beside them. */
  async removeUpload(uploadId: string): Promise<void> {
    const path = this.tusPath(uploadId);
    await rm(path, { force: true });
    await rm(`${path}.json`, { force: true });
  }

  async removeFile(path: string): Promise<void> {
    if (inside(this.dirs.uploadDir, path)) await rm(path, { force: true });
  }

  /** Written beside, then renamed: a transcode reading the old file never sees half of the new one. */
  async writeCaption(videoId: string, lang: string, text: string): Promise<string> {
    const path = join(this.captionsDir, safeId(videoId), `${safeId(lang)}.vtt`);
    await mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, text, 'utf8');
    await rename(temp, path);
    return path;
  }

  async readCaption(path: string): Promise<string> {
    return readFile(path, 'utf8');
  }

  /** Everything a deleted video leaves behind: its media, its caption files and its source. */
  async removeVideo(video: { id: string; sourcePath: string | null }): Promise<void> {
    await this.media.removePrefix(`${safeId(video.id)}/`);
    await rm(join(this.captionsDir, safeId(video.id)), { recursive: true, force: true });
    // Only sources we stored ourselves: a fixture clip elsewhere on disk is not ours to delete.
    if (video.sourcePath) await this.removeFile(video.sourcePath);
  }
}
