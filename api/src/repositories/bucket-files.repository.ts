import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, statfs } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MediaStore } from '@artifact-stories/media-pipeline';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { StaffFilesRepository, safeId } from './staff-files.repository.ts';

/** How a source in the bucket is named in the database: 's3:sources/<videoId>.<ext>'. */
const REF = 's3:';
const SOURCES_PREFIX = 'sources/';
const CAPTIONS_PREFIX = 'captions/';

/**
 * Uploads and sources in the bucket. tus (@tus/s3-store) writes an upload as the object '<uploadId>' (with
 * '<uploadId>.info' beside it); once complete it is fetched to DATA_DIR/work for the probe, copied inside the
 * bucket to 'sources/<videoId>.<ext>', and the upload's objects removed. A worker fetches the source to its
 * scratch folder before ffmpeg runs. Staff caption files are objects too ('captions/<videoId>/<lang>.vtt'), so a
 * worker on another machine needs the bucket and the queue, nothing of the app's disk.
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

  override async localInput(ref: string, dir: string) {
    if (!ref.startsWith(REF)) return super.localInput(ref, dir);
    const key = ref.slice(REF.length);
    const file = join(dir, `.input-${basename(key)}`);
    try {
      await this.download(key, file);
    } catch (err) {
      if ((err as { name?: string }).name !== 'NoSuchKey') throw err;
      await rm(file, { force: true });
      return undefined;
    }
    return { path: file, done: () => rm(file, { force: true }) };
  }

  /** One PUT: S3 replaces an object whole, so a worker reading it meanwhile gets the old file or the new one. */
  override async writeCaption(videoId: string, lang: string, text: string): Promise<string> {
    const key = `${CAPTIONS_PREFIX}${safeId(videoId)}/${safeId(lang)}.vtt`;
    await this.s3.client.send(
      new PutObjectCommand({
        Bucket: this.s3.bucket,
        Key: key,
        Body: text,
        ContentType: 'text/vtt; charset=utf-8',
      }),
    );
    return `${REF}${key}`;
  }

  override async readCaption(path: string): Promise<string> {
    if (!path.startsWith(REF)) return super.readCaption(path);
    const out = await this.s3.client.send(
      new GetObjectCommand({ Bucket: this.s3.bucket, Key: path.slice(REF.length) }),
    );
    return (out.Body as { transformToString(): Promise<string> }).transformToString();
  }

  override async removeVideo(video: { id: string; sourcePath: string | null }): Promise<void> {
    await super.removeVideo(video);
    const prefix = `${CAPTIONS_PREFIX}${safeId(video.id)}/`;
    const listed = await this.s3.client.send(
      new ListObjectsV2Command({ Bucket: this.s3.bucket, Prefix: prefix }),
    );
    const keys = (listed.Contents ?? []).map((o) => ({ Key: o.Key as string }));
    if (keys.length)
      await this.s3.client.send(
        new DeleteObjectsCommand({ Bucket: this.s3.bucket, Delete: { Objects: keys, Quiet: true } }),
      );
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

  /**
   * Streams a file of this disk to 'sources/<videoId>.<ext>' (lib-storage: multipart for a large source, one PUT
   * for a small one), so a worker on another machine can fetch it. A source already in the bucket stays as it is.
   */
  override async adoptSource(file: string, videoId: string): Promise<string> {
    if (file.startsWith(REF)) return file;
    const ext = extname(file).slice(1).toLowerCase() || 'bin';
    const key = `${SOURCES_PREFIX}${safeId(videoId)}.${safeId(ext)}`;
    await new Upload({
      client: this.s3.client,
      params: { Bucket: this.s3.bucket, Key: key, Body: createReadStream(file) },
    }).done();
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
    if (!key.startsWith(SOURCES_PREFIX) && !key.startsWith(CAPTIONS_PREFIX)) return;
    await this.s3.client.send(new DeleteObjectCommand({ Bucket: this.s3.bucket, Key: key }));
  }

  private async download(key: string, file: string): Promise<void> {
    await mkdir(join(file, '..'), { recursive: true });
    const out = await this.s3.client.send(new GetObjectCommand({ Bucket: this.s3.bucket, Key: key }));
    await pipeline(out.Body as Readable, createWriteStream(file));
  }
}
