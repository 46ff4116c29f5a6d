import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client, S3Store } from '../src/storage/s3.ts';
import { startS3Server, type TestS3Server } from '../src/testing/s3-server.ts';
import { freshDir, storageContract } from './storage-contract.ts';

// The same contract as the folder, against a real S3 server over HTTP (s3rver, see src/testing/s3-server.ts).
let server: TestS3Server;
const scratch = await freshDir('store-s3-scratch');
beforeAll(async () => {
  server = await startS3Server();
});
afterAll(async () => {
  await server?.stop();
  await rm(scratch, { recursive: true, force: true });
});

const open = () =>
  new S3Store(
    createS3Client(server.settings),
    server.settings.bucket,
    'media/',
    scratch,
    server.settings.endpoint,
  );

storageContract('S3 (s3rver)', open);

describe('S3Store, beyond the contract', () => {
  it('fails its check with an access key the server does not know, naming the reason', async () => {
    const wrong = createS3Client({ ...server.settings, accessKeyId: 'NOT-A-KEY' });
    const store = new S3Store(wrong, server.settings.bucket, 'media/', scratch);
    await expect(store.check()).rejects.toThrow(/access key/i);
  });

  it('fails its check on a bucket that does not exist', async () => {
    const store = new S3Store(createS3Client(server.settings), 'no-such-bucket', 'media/', scratch);
    await expect(store.check()).rejects.toThrow(/bucket/i);
  });
});
