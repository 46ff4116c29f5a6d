/// <reference path="./s3rver.d.ts" />
// A real S3 server for the tests, over HTTP on loopback: s3rver (npm, the maintained @20minutes fork), which
// speaks the S3 REST API (access keys checked; signatures not, see below), multipart uploads, Range, ListObjectsV2, CopyObject and
// DeleteObjects, storing objects in a temp folder. Started on an ephemeral port; stop() removes it all.
// It lacks one call tus needs, ListParts: `listParts` below answers it from s3rver's own part files.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from '@20minutes/s3rver';
import type { S3Settings } from '../storage/s3.ts';

/** s3rver's only account: any other access key id is refused (InvalidAccessKeyId). */
const KEY = 'S3RVER';

export interface TestS3Server {
  settings: S3Settings;
  stop(): Promise<void>;
}

export async function startS3Server(bucket = 'artifact-stories-test'): Promise<TestS3Server> {
  const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
    // s3rver signs a path-style bucket request as '/bucket' where the SDK (v3) signs '/bucket/': without this
    // every ListObjectsV2 and DeleteObjects fails. The access key is still checked; the secret is not.
    allowMismatchedSignatures: true,
  });
  server.middleware.unshift(listParts(server));
  const address = (await server.run()) as AddressInfo;
  return {
    settings: {
      endpoint: `http://127.0.0.1:${address.port}`,
      region: 'us-east-1',
      bucket,
      accessKeyId: KEY,
      secretAccessKey: KEY,
      forcePathStyle: true,
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * GET /<bucket>/<key>?uploadId=... (ListParts), which @tus/s3-store asks before every write and s3rver
 * refuses with 405: the parts s3rver stored for the upload, as S3 lists them. Runs before s3rver's own
 * signature check, so this one call is not authenticated here (README: what the test server does not prove).
 */
function listParts(server: S3rver) {
  return async (
    ctx: Parameters<S3rver['middleware'][number]>[0],
    next: () => Promise<void>,
  ): Promise<void> => {
    const uploadId = ctx.query.uploadId;
    if (ctx.method !== 'GET' || !uploadId || !/^[0-9a-f]+$/.test(uploadId)) return next();
    const [, bucket = '', ...key] = ctx.path.split('/');
    const dir = join(server.store.getResourcePath(bucket, undefined, 'uploads'), uploadId);
    const names = await readdir(dir).catch(() => undefined);
    ctx.type = 'application/xml';
    if (!names) {
      ctx.status = 404;
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message></Error>`;
      return;
    }
    const numbers = names
      .filter((n) => /^\d+$/.test(n))
      .map(Number)
      .sort((a, b) => a - b);
    const parts = await Promise.all(
      numbers.map(async (n) => {
        const size = (await stat(join(dir, String(n)))).size;
        const md5 = (await readFile(join(dir, `${n}.md5`), 'utf8')).trim();
        return `<Part><PartNumber>${n}</PartNumber><ETag>"${md5}"</ETag><Size>${size}</Size></Part>`;
      }),
    );
    ctx.status = 200;
    ctx.body =
      `<?xml version="1.0" encoding="UTF-8"?><ListPartsResult><Bucket>${bucket}</Bucket>` +
      `<Key>${key.join('/')}</Key><UploadId>${uploadId}</UploadId><IsTruncated>false</IsTruncated>${parts.join('')}</ListPartsResult>`;
  };
}
