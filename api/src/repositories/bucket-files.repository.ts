import { createWriteStream } from 'node:fs';
import { mkdir, rm, statfs } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MediaStore } from '@artifact-stories/media-pipeline';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { StaffFilesRepository, safeId } from './staff-files.repository.ts';

/** How a source in the bucket is named in the database: 's3:sources/<videoId>.<ext>'. */
const REF = 's3:';
const SOURCES_PREFIX = 'sources/';

/**
 * Uploads and sources in the bucket. tus (@tus/s3-store) writes an upload as the object '<uploadId>' (with
 * '<uploadId>.info' beside it); once complete it is fetched to DATA_DIR/work for the probe, copied inside the
 * bucket to 'sources/<videoId>.<ext>', and the upload's objects removed. A worker fetches the source to its
 * scratch folder before ffmpeg runs. Caption files stay on disk (uploads/captions), as before.
 */
export class BucketFilesRepository extends StaffFilesRepository {
  constructor(
    dirs: { uploadDir: string },
    media: Pick<MediaStore, 'removePrefix'>,
    private readonly s3: { client: S3Client; bucket: string; workDir: string },
  ) {
    super(dirs, media);
  }

  private get fetched(): string {
    return join(this.s3.workDir, 'uploads');
  }

  /** The bucket takes the upload, but the probe fetches it here: this disk must hold one clip at a time. */
  override async freeBytes(): Promise<number> {
    await mkdir(this.fetched, { recursive: true });
    const fs = await statfs(this.fetched);
    return fs.bavail * fs.bsize;
  }

  override async localUpload(uploadId: string): Promise<string> {
    const file = join(this.fetched, safeId(uploadId));
    await this.download(safeId(uploadId), file);
    return file;
  }

  override async localInput(sourcePath: string, dir: string) {
    if (!sourcePath.startsWith(REF)) return super.localInput(sourcePath, dir);
    const key = sourcePath.slice(REF.length);
    const file = join(dir, `.source-${basename(key)}`);
    await this.download(key, file);
    return { path: file, done: () => rm(file, { force: true }) };
  }

  /** `from` is the fetched copy, named by the upload's id: the bucket copies its own object, no bytes travel. */
  override async moveToSources(from: string, videoId: string, ext: string): Promise<string> {
    const key = `${SOURCES_PREFIX}${safeId(videoId)}.${safeId(ext)}`;
    const uploadId = safeId(basename(from));
    await this.s3.client.send(
      new CopyObjectCommand({
        Bucket: this.s3.bucket,
        CopySource: `${this.s3.bucket}/${uploadId}`,
        Key: key,
      }),
    );
    return `${REF}${key}`;
  }

  override async removeUpload(uploadId: string): Promise<void> {
    const id = safeId(uploadId);
    await rm(join(this.fetched, id), { force: true });
    await this.s3.client.send(
      new DeleteObjectsCommand({
        Bucket: this.s3.bucket,
        Delete: { Objects: [{ Key: id }, { Key: `${id}.info` }, { Key: `${id}.part` }], Quiet: true },
      }),
    );
  }

  override async removeFile(path: string): Promise<void> {
    if (!path.startsWith(REF)) return super.removeFile(path);
    const key = path.slice(REF.length);
    if (!key.startsWith(SOURCES_PREFIX)) return;
    await this.s3.client.send(new DeleteObjectCommand({ Bucket: this.s3.bucket, Key: key }));
  }

  private async download(key: string, file: string): Promise<void> {
    await mkdir(join(file, '..'), { recursive: true });
    const out = await this.s3.client.send(new GetObjectCommand({ Bucket: this.s3.bucket, Key: key }));
    await pipeline(out.Body as Readable, createWriteStream(file));
  }
}
