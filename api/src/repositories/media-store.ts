import { createS3Client, LocalStore, type MediaStore, S3Store } from '@artifact-stories/media-pipeline';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Config } from '../config.ts';

/** Versions live under this prefix in the bucket, sources under 'sources/', tus uploads at the top. */
const MEDIA_PREFIX = 'media/';

export interface Bucket {
  client: S3Client;
  bucket: string;
  workDir: string;
}

/** The media folder under DATA_DIR by default; the bucket when S3_BUCKET is set. */
export function createMediaStore(config: Config): { store: MediaStore; bucket: Bucket | null } {
  if (!config.s3) return { store: new LocalStore(config.mediaDir), bucket: null };
  const client = createS3Client(config.s3);
  return {
    store: new S3Store(client, config.s3.bucket, MEDIA_PREFIX, config.workDir, config.s3.endpoint),
    bucket: { client, bucket: config.s3.bucket, workDir: config.workDir },
  };
}
