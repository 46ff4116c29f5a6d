import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createS3Client } from '@artifact-stories/media-pipeline';
import {
  makeClip,
  type RedisServer,
  startRedis,
  startS3Server,
  type TestS3Server,
} from '@artifact-stories/media-pipeline/testing';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moveCaptionsToBucket, moveSourcesToBucket } from '../src/services/files-to-bucket.service.ts';
import { attachVideo } from '../src/services/seed.service.ts';
import { makeTestApp, type TestApp } from './helpers.ts';
import { root } from './server-process.ts';
import { artifactInput, staffCookie } from './staff-helpers.ts';
import { tusUpload } from './tus-upload.ts';
import { waitFor } from './wait.ts';

// A transcode worker on "another machine": its own process and DATA_DIR, given only the queue (Redis) and the
// bucket (s3rver). The api, on a DATA_DIR of its own, sends the jobs and applies their results; the worker never
// sees the catalogue. Everything it needs comes in the job's payload and from the bucket.
let redis: RedisServer;
let s3: TestS3Server;
let t: TestApp;
let worker: ChildProcess;
let workerLog = '';
let cookie: string;
let base: string;
const workerDir = mkdtempSync(join(tmpdir(), 'remote-worker-'));
const work = mkdtempSync(join(tmpdir(), 'remote-clip-'));

beforeAll(async () => {
  [redis, s3] = await Promise.all([startRedis(), startS3Server()]);
  const { endpoint, bucket, region, accessKeyId, secretAccessKey } = s3.settings;
  const storage = {
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_REGION: region,
    S3_ACCESS_KEY_ID: accessKeyId,
    S3_SECRET_ACCESS_KEY: secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
  t = await makeTestApp({
    catalogue: true,
    config: { ...storage, S3_FORCE_PATH_STYLE: true, QUEUE_URL: redis.url, WORKER: 'off' },
  });
  cookie = await staffCookie(t.app, 'editor');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  // `npm run worker` as a museum would start it on a transcode machine.
  worker = spawn(process.execPath, ['--import', 'tsx', join(root, 'api/src/scripts/worker.ts')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: workerDir, QUEUE_URL: redis.url, ...storage },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout?.on('data', (d) => (workerLog += d));
  worker.stderr?.on('data', (d) => (workerLog += d));
  await waitFor('the worker to start', () => /worker started/.test(workerLog), 60_000, 100);
});
afterAll(async () => {
  if (worker && worker.exitCode === null) {
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGTERM');
    await exited;
  }
  await t?.app.close();
  await Promise.all([redis?.stop(), s3?.stop()]);
});

async function bucketKeys(prefix: string): Promise<string[]> {
  const out = await createS3Client(s3.settings).send(
    new ListObjectsV2Command({ Bucket: s3.settings.bucket, Prefix: prefix }),
  );
  return (out.Contents ?? []).map((o) => o.Key as string);
}

function readyVideo(id: string, notVersion: string | null = null) {
  return waitFor(
    'the remote worker’s version to be applied',
    () => {
      const v = t.app.repos.videos.byId(id);
      if (v?.status === 'failed') throw new Error(`job failed: ${JSON.stringify(v.error)}\n${workerLog}`);
      return v?.status === 'ready' && v.mediaVersion !== notVersion && v;
    },
    120_000,
    100,
  );
}

const VTT = 'WEBVTT\n\n00:00:00.200 --> 00:00:01.500\nTiếng khèn gọi bạn\n';

describe('a worker with only the queue and the bucket', () => {
  it('transcodes an upload, the api puts it on show, and a caption added later reaches the film', async () => {
    const artifact = t.app.repos.artifacts.create(artifactInput());
    const clip = await makeClip(
      { durationSec: 2, width: 320, height: 240, fps: 15, audio: true },
      join(work, 'c.mp4'),
      'Remote',
    );
    await tusUpload(base, cookie, readFileSync(clip), {
      artifactId: String(artifact.id),
      filename: 'khen.mp4',
    });
    const video = t.app.repos.videos.latestForArtifact(artifact.id);
    expect(video?.sourcePath).toBe(`s3:sources/${video?.id}.mp4`);
    const first = await readyVideo(video?.id as string);
    expect(workerLog).toMatch(/job succeeded/);

    const publish = await fetch(`${base}/api/staff/artifacts/${artifact.id}/publish`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(publish.status).toBe(200);
    const prefix = `media/${first.id}/${first.mediaVersion}/`;
    const master = await fetch(`${base}/${prefix}master.m3u8`);
    expect(master.status).toBe(200);
    expect(await master.text()).toMatch(/^#EXTM3U/);
    const segment = (await bucketKeys(prefix)).find((k) => k.endsWith('.m4s')) as string;
    const got = await fetch(`${base}/${segment}`);
    expect(got.status).toBe(200);
    expect((await got.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    // Staff add captions: the file goes to the bucket, and the remote worker makes the new version from it.
    const put = await fetch(`${base}/api/staff/artifacts/${artifact.id}/captions/vi`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'text/vtt' },
      body: VTT,
    });
    expect(put.status).toBe(200);
    expect(await bucketKeys(`captions/${first.id}/`)).toEqual([`captions/${first.id}/vi.vtt`]);
    const captioned = await readyVideo(first.id, first.mediaVersion);
    expect(captioned.manifest?.captions.map((c) => c.lang)).toEqual(['vi']);
    const pub = await fetch(
      `${base}/media/${first.id}/${captioned.mediaVersion}/${captioned.manifest?.captions[0]?.vtt}`,
    );
    expect(await pub.text()).toMatch(/Tiếng khèn gọi bạn/);

    // The worker's DATA_DIR never held a catalogue: it opened none.
    expect(readdirSync(workerDir).filter((f) => f.endsWith('.sqlite') || f.includes('sqlite'))).toEqual([]);
    expect(existsSync(join(workerDir, 'catalogue.sqlite'))).toBe(false);
  });

  it('takes a clip from the app’s disk the seed’s way: source and captions go to the bucket first', async () => {
    const artifact = t.app.repos.artifacts.create(artifactInput());
    const clip = await makeClip(
      { durationSec: 2, width: 320, height: 240, fps: 15, audio: true },
      join(work, 's.mp4'),
      'S',
    );
    const vtt = join(work, 's.vi.vtt');
    writeFileSync(vtt, VTT);
    const id = await attachVideo(t.app.repos, t.app.videoJobs, artifact.id, clip, { vi: vtt });
    expect(t.app.repos.videos.byId(id)?.sourcePath).toBe(`s3:sources/${id}.mp4`);
    expect(t.app.repos.videos.captions(id).map((c) => c.path)).toEqual([`s3:captions/${id}/vi.vtt`]);
    const ready = await readyVideo(id);
    expect(ready.manifest?.captions.map((c) => c.lang)).toEqual(['vi']);
  });

  it('moves files a catalogue kept on its disk before the bucket into it, and a worker elsewhere then uses them', async () => {
    // A catalogue that began on one machine: its source and caption file are on the app's disk.
    const artifact = t.app.repos.artifacts.create(artifactInput());
    const dir = join(t.dataDir, 'uploads', 'before-bucket');
    mkdirSync(dir, { recursive: true });
    const source = await makeClip(
      { durationSec: 2, width: 320, height: 240, fps: 15, audio: true },
      join(dir, 'm.mp4'),
      'M',
    );
    const video = t.app.repos.videos.create({
      artifactId: artifact.id,
      sourcePath: source,
      sourceName: 'm.mp4',
      sourceSize: readFileSync(source).length,
    });
    const caption = join(dir, 'm.vi.vtt');
    writeFileSync(caption, VTT);
    const track = { videoId: video.id, label: 'Tiếng Việt', kind: 'transcription', source: 'human' } as const;
    t.app.repos.videos.upsertCaption({ ...track, lang: 'vi', path: caption });
    t.app.repos.videos.upsertCaption({ ...track, lang: 'en', path: join(dir, 'lost.vtt') });

    const gone = t.app.repos.videos.create({
      artifactId: t.app.repos.artifacts.create(artifactInput()).id,
      sourcePath: join(dir, 'gone.mp4'),
      sourceName: 'gone.mp4',
      sourceSize: 1,
    });
    const captions = await moveCaptionsToBucket(t.app.repos);
    const sources = await moveSourcesToBucket(t.app.repos);
    expect(captions).toEqual({ moved: 1, missing: [join(dir, 'lost.vtt')] });
    expect(sources).toEqual({ moved: 1, missing: [join(dir, 'gone.mp4')] });
    expect(t.app.repos.videos.byId(video.id)?.sourcePath).toBe(`s3:sources/${video.id}.mp4`);
    expect(t.app.repos.videos.captions(video.id).map((c) => [c.lang, c.path])).toEqual([
      ['en', join(dir, 'lost.vtt')], // not on the disk: named as it was, said in the log, nothing invented
      ['vi', `s3:captions/${video.id}/vi.vtt`],
    ]);
    expect(existsSync(source)).toBe(true); // the disk's copy stays: nothing is lost if the bucket goes away
    expect(t.app.repos.videos.filesOnDisk().sources).toEqual([
      { videoId: gone.id, path: join(dir, 'gone.mp4') },
    ]);

    // What `npm run doctor` counts: the source and the caption file the disk does not have.
    expect(t.app.repos.status.summary().filesOnDisk).toBe(2);

    // Without the missing track, the worker that never saw this disk transcodes it with its caption.
    t.app.repos.videos.deleteCaption(video.id, 'en');
    t.app.videoJobs.enqueueTranscode(video.id);
    const ready = await readyVideo(video.id);
    expect(ready.manifest?.captions.map((c) => c.lang)).toEqual(['vi']);
  });
});
