// Media in an S3-compatible bucket (AWS, MinIO, Garage, Ceph...). Versions are built in a local scratch
// folder, then uploaded file by file with the manifest last; the catalogue names the version only after that,
// so no reader ever finds half of one. The bucket stays private: the api streams what it may show.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  type ByteRange,
  checkKey,
  checkPrefix,
  MEDIA_CONTENT_TYPES,
  type MediaStore,
  type PublishResult,
  type StoredEntry,
  type StoredObject,
  type VersionToPublish,
} from './store.ts';

export interface S3Settings {
  /** Empty for AWS itself; the server's URL for MinIO, Garage and the like. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** http://host/bucket/key instead of http://bucket.host/key: what most self-hosted servers need. */
  forcePathStyle: boolean;
}

/** Files uploaded at once while publishing: segments are 1–3 MB, so a few in flight fill a link. */
const UPLOADS_IN_FLIGHT = 4;
/** DeleteObjects takes at most this many keys a call. */
const DELETE_BATCH = 1000;

export function createS3Client(s: S3Settings): S3Client {
  return new S3Client({
    region: s.region,
    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    forcePathStyle: s.forcePathStyle,
    // Checksums only where S3 requires them: the SDK's newer default adds CRC headers that many S3-compatible
    // servers do not know yet (MinIO before 2025, Ceph, Garage...) and refuse.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // A wrong endpoint fails in seconds (the doctor, the first upload) instead of hanging on connect.
    requestHandler: { connectionTimeout: 5000 },
    // No keys given: the SDK's own chain (environment, an IAM role) finds them.
    ...(s.accessKeyId
      ? { credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey } }
      : {}),
  });
}

const missing = (err: unknown) =>
  err instanceof S3ServiceException &&
  (err.$metadata.httpStatusCode === 404 || err.name === 'NoSuchKey' || err.name === 'NotFound');

export class S3Store implements MediaStore {
  readonly where: string;

  /**
   * `prefix` places this store's keys in the bucket ('media/'); `scratchRoot` is a local folder where
   * versions are built before upload.
   */
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix: string,
    readonly scratchRoot: string,
    endpoint = '',
  ) {
    this.where = `s3://${bucket}/${prefix}${endpoint ? ` at ${endpoint}` : ''}`;
  }

  scratchDir(videoId: string): string {
    return join(this.scratchRoot, checkKey(videoId));
  }

  async publishVersion(
    { dir, videoId, version, reuse }: VersionToPublish,
    completeMarker: string,
  ): Promise<PublishResult> {
    const target = `${checkKey(`${videoId}/${version}`)}/`;
    try {
      // Shared files are copied inside the bucket: no bytes travel through this machine.
      const from = reuse ? `${checkKey(`${videoId}/${reuse.fromVersion}`)}/` : '';
      await inBatches(reuse?.files ?? [], UPLOADS_IN_FLIGHT, (file) =>
        this.client.send(
          new CopyObjectCommand({
            Bucket: this.bucket,
            CopySource: encodeURI(`${this.bucket}/${this.prefix}${from}${checkKey(file)}`),
            Key: `${this.prefix}${target}${file}`,
          }),
        ),
      );
      const files = await filesUnder(dir);
      // The manifest goes last: a version whose manifest is there is whole.
      const body = files.filter((f) => f !== completeMarker);
      await inBatches(body, UPLOADS_IN_FLIGHT, (f) => this.upload(`${target}${f}`, join(dir, f)));
      if (files.includes(completeMarker)) {
        await this.upload(`${target}${completeMarker}`, join(dir, completeMarker));
      }
      return { linked: reuse?.files.length ?? 0, copied: 0 };
    } catch (err) {
      // A half-uploaded version is never named by the catalogue; its objects must not stay either.
      await this.removePrefix(target).catch(() => {});
      throw err;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Multipart for large files (lib-storage splits them into parts), a single PUT for small ones. */
  async upload(key: string, file: string): Promise<void> {
    const ext = key.slice(key.lastIndexOf('.') + 1);
    await new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: `${this.prefix}${checkKey(key)}`,
        Body: createReadStream(file),
        ContentType: MEDIA_CONTENT_TYPES[ext] ?? 'application/octet-stream',
      },
    }).done();
  }

  async read(key: string, range?: ByteRange): Promise<StoredObject | undefined> {
    try {
      const out = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: `${this.prefix}${checkKey(key)}`,
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      );
      const total = /\/(\d+)$/.exec(out.ContentRange ?? '')?.[1];
      return { body: out.Body as Readable, size: total ? Number(total) : (out.ContentLength ?? 0) };
    } catch (err) {
      if (missing(err)) return undefined;
      throw err;
    }
  }

  async stat(key: string): Promise<{ size: number; etag?: string } | undefined> {
    try {
      const out = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: `${this.prefix}${checkKey(key)}` }),
      );
      return { size: out.ContentLength ?? 0, ...(out.ETag ? { etag: out.ETag } : {}) };
    } catch (err) {
      if (missing(err)) return undefined;
      throw err;
    }
  }

  async list(prefix: string): Promise<StoredEntry[]> {
    return this.listRaw(`${this.prefix}${checkPrefix(prefix)}`);
  }

  private async listRaw(fullPrefix: string): Promise<StoredEntry[]> {
    const out: StoredEntry[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: fullPrefix, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) {
        if (o.Key) {
          out.push({
            key: o.Key.slice(this.prefix.length),
            size: o.Size ?? 0,
            ...(o.ETag ? { etag: o.ETag } : {}),
          });
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }

  async removePrefix(prefix: string): Promise<number> {
    if (!prefix) throw new Error('Refusing to remove every stored object: name a video or a version.');
    const keys = (await this.list(prefix)).map((e) => `${this.prefix}${e.key}`);
    for (let i = 0; i < keys.length; i += DELETE_BATCH) {
      const batch = keys.slice(i, i + DELETE_BATCH);
      const out = await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.bucket,
          Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
        }),
      );
      const failed = out.Errors?.[0];
      if (failed) throw new Error(`Could not delete ${failed.Key}: ${failed.Code} ${failed.Message}`);
    }
    return keys.length;
  }

  async check(): Promise<void> {
    const Key = `${this.prefix}doctor-${randomBytes(4).toString('hex')}`;
    await new Upload({ client: this.client, params: { Bucket: this.bucket, Key, Body: 'ok' } }).done();
    try {
      const got = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
      if ((await got.Body?.transformToString()) !== 'ok') throw new Error('read back something else');
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
    }
  }
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}
