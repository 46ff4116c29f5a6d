import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createS3Client, S3Store } from '@artifact-stories/media-pipeline';
import { startS3Server, type TestS3Server } from '@artifact-stories/media-pipeline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { backup } from '../src/repositories/ops/backup.ts';
import { restore } from '../src/repositories/ops/restore.ts';

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startS3Server();
});
afterAll(async () => s3?.stop());

describe('backup and restore with media in a bucket', () => {
  it('records the bucket’s keys, sizes and ETags, says it holds no objects, and finds what went missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-s3-'));
    const dbFile = join(dir, 'catalogue.sqlite');
    openDatabase(dbFile).close();
    const store = new S3Store(createS3Client(s3.settings), s3.settings.bucket, 'media/', join(dir, 'work'));
    const version = join(store.scratchDir('vid'), '.tmp-v1');
    mkdirSync(join(version, '360p'), { recursive: true });
    writeFileSync(join(version, '360p', 'seg_00001.m4s'), 'segment bytes');
    writeFileSync(join(version, 'manifest.json'), '{}');
    await store.publishVersion({ dir: version, videoId: 'vid', version: 'v1' }, 'manifest.json');

    const result = await backup(dbFile, store, join(dir, 'backups'));
    expect(result.files).toBe(2);
    expect(result.covers).toMatch(/not the objects/);
    const manifest = JSON.parse(readFileSync(result.manifestFile, 'utf8')) as {
      store: string;
      files: { path: string; size: number; etag?: string }[];
    };
    expect(manifest.store).toContain(`s3://${s3.settings.bucket}/media/`);
    expect(manifest.files).toEqual([
      { path: 'vid/v1/360p/seg_00001.m4s', size: 13, etag: expect.stringMatching(/^"[0-9a-f]{32}"$/) },
      { path: 'vid/v1/manifest.json', size: 2, etag: expect.any(String) },
    ]);

    await store.removePrefix('vid/v1/360p/');
    const restored = await restore(result.dir, dbFile, store);
    expect(restored.missingMedia).toEqual(['vid/v1/360p/seg_00001.m4s']);
    expect(restored.changedMedia).toEqual([]);
  });
});
