import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArtifactDetail } from '@artifact-stories/contracts/schemas';
import { createS3Client } from '@artifact-stories/media-pipeline';
import { makeClip, startS3Server, type TestS3Server } from '@artifact-stories/media-pipeline/testing';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers.ts';
import { artifactInput, staffCookie } from './staff-helpers.ts';
import { waitFor } from './wait.ts';

// The whole path with S3_BUCKET set, against a real S3 server over HTTP (s3rver): a tus upload lands in the
// bucket, the worker transcodes it into a version in the bucket, the media route serves it with Range, and a
// draft's media stays unreachable.
let s3: TestS3Server;
let t: TestApp;
let cookie: string;
let base: string;
const work = mkdtempSync(join(tmpdir(), 's3-e2e-'));

beforeAll(async () => {
  s3 = await startS3Server();
  const { endpoint, bucket, region, accessKeyId, secretAccessKey } = s3.settings;
  t = await makeTestApp({
    catalogue: true,
    config: {
      WORKER: 'inline',
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: region,
      S3_ACCESS_KEY_ID: accessKeyId,
      S3_SECRET_ACCESS_KEY: secretAccessKey,
      S3_FORCE_PATH_STYLE: true,
    },
  });
  cookie = await staffCookie(t.app, 'editor');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await t?.app.close();
  await s3?.stop();
});

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function upload(data: Buffer, metadata: Record<string, string>, chunkSize: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const u: tus.Upload = new tus.Upload(data, {
      endpoint: `${base}/api/staff/uploads`,
      metadata,
      headers: { cookie },
      chunkSize,
      retryDelays: null,
      storeFingerprintForResuming: false,
      onSuccess: () => resolve(u.url as string),
      onError: reject,
    });
    u.start();
  });
}

async function bucketKeys(prefix: string): Promise<string[]> {
  const client = createS3Client(s3.settings);
  const out = await client.send(new ListObjectsV2Command({ Bucket: s3.settings.bucket, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key as string);
}

describe('media in an S3 bucket', () => {
  it('uploads by tus into the bucket, transcodes into it, and serves only the published film from it', async () => {
    const artifact = t.app.repos.artifacts.create(artifactInput());
    const clip = readFileSync(
      await makeClip(
        { durationSec: 2, width: 320, height: 240, fps: 15, audio: true },
        join(work, 'c.mp4'),
        'S3',
      ),
    );
    // Two chunks of at least 5 MiB are what S3 multipart needs; a small clip goes up in one.
    await upload(clip, { artifactId: String(artifact.id), filename: 'khen.mp4' }, 8 * 1024 * 1024);

    const video = t.app.repos.videos.latestForArtifact(artifact.id);
    expect(video?.sourcePath).toBe(`s3:sources/${video?.id}.mp4`);
    const client = createS3Client(s3.settings);
    const source = await client.send(
      new GetObjectCommand({ Bucket: s3.settings.bucket, Key: `sources/${video?.id}.mp4` }),
    );
    expect(
      sha256(
        Buffer.from(
          await (source.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
        ),
      ),
    ).toBe(sha256(clip));
    // The tus objects are gone once the clip became a source; nothing is left on local disk either.
    expect((await bucketKeys('')).filter((k) => !/^(sources|media)\//.test(k))).toEqual([]);
    expect(existsSync(join(t.config.uploadDir, 'tus'))).toBe(false);

    const ready = await waitFor('the video to be ready', () => {
      const v = t.app.repos.videos.byId(video?.id as string);
      if (v?.status === 'failed') throw new Error(`transcode failed: ${JSON.stringify(v.error)}`);
      return v?.status === 'ready' && v;
    });
    const prefix = `media/${ready.id}/${ready.mediaVersion}/`;
    const keys = await bucketKeys(prefix);
    expect(keys).toContain(`${prefix}master.m3u8`);
    expect(keys).toContain(`${prefix}manifest.json`);
    expect(keys.some((k) => k.endsWith('.m4s'))).toBe(true);
    // The local media folder is not used at all; the scratch folder is left empty.
    expect(existsSync(join(t.config.mediaDir, ready.id))).toBe(false);

    // A draft: its media is refused to the public, though every object is in the bucket.
    const segment = keys.find((k) => k.endsWith('.m4s')) as string;
    const segmentUrl = `${base}/${segment}`;
    const masterUrl = `${base}/${prefix}master.m3u8`;
    expect((await fetch(masterUrl)).status).toBe(404);
    expect((await fetch(segmentUrl)).status).toBe(404);
    // Staff may preview it, never cached.
    const preview = await fetch(masterUrl, { headers: { cookie } });
    expect(preview.status).toBe(200);
    expect(preview.headers.get('cache-control')).toBe('private, no-store');

    const publish = await fetch(`${base}/api/staff/artifacts/${artifact.id}/publish`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(publish.status).toBe(200);
    const pub = (await (await fetch(`${base}/api/artifacts/${artifact.slug}`)).json()) as ArtifactDetail;
    expect(pub.video?.hls).toBe(`/${prefix}master.m3u8`);
    const master = await fetch(`${base}${pub.video?.hls}`);
    expect(master.status).toBe(200);
    expect(master.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(await master.text()).toMatch(/^#EXTM3U/);

    // A segment: whole, then a range, with the headers a player and a cache need.
    const whole = Buffer.from(await (await fetch(segmentUrl)).arrayBuffer());
    const ranged = await fetch(segmentUrl, { headers: { range: 'bytes=100-199' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toBe(`bytes 100-199/${whole.length}`);
    expect(ranged.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(ranged.headers.get('access-control-allow-origin')).toBe('*');
    expect(Buffer.from(await ranged.arrayBuffer()).equals(whole.subarray(100, 200))).toBe(true);
    const past = await fetch(segmentUrl, { headers: { range: `bytes=${whole.length + 10}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${whole.length}`);
    // An ETag lets a cache revalidate a playlist with a 304.
    const etag = master.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await fetch(masterUrl, { headers: { 'if-none-match': etag as string } })).status).toBe(304);

    // Unpublished again: gone for the public at once.
    await fetch(`${base}/api/staff/artifacts/${artifact.id}/unpublish`, {
      method: 'POST',
      headers: { cookie },
    });
    expect((await fetch(segmentUrl)).status).toBe(404);
    // A key that names no stored object, and one outside the media prefix, are both 404.
    expect((await fetch(`${base}/${prefix}nothing.m4s`)).status).toBe(404);
    expect((await fetch(`${base}/media/../sources/${ready.id}.mp4`)).status).toBe(404);
  });
});
