import { readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { BullQueueEngine, JobLeaseLostError, mirrorJob } from '@artifact-stories/media-pipeline';
import { type RedisServer, startRedis } from '@artifact-stories/media-pipeline/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { fakeManifest, makeTestApp, type TestApp } from './helpers.ts';
import { artifactInput } from './staff-helpers.ts';
import { waitFor } from './wait.ts';

// QUEUE_URL set: the api passes its jobs to Redis, workers on other machines (here: engines of their own, sharing
// nothing with the api but Redis) take them, and the api copies their progress back and applies each result once.

let redis: RedisServer;
let t: TestApp;
const remotes: BullQueueEngine[] = [];

beforeAll(async () => {
  redis = await startRedis();
  t = await makeTestApp({ catalogue: true, config: { QUEUE_URL: redis.url } });
  await t.app.ready();
});
afterAll(async () => {
  await Promise.all(remotes.map((r) => r.close()));
  await t?.app.close();
  await redis?.stop();
});

/** A video with a source to transcode; with WORKER=off only the test's remote workers take its job. */
function newVideo(status: 'draft' | 'published' = 'draft') {
  const artifact = t.app.repos.artifacts.create(artifactInput(), status);
  return t.app.repos.videos.create({
    artifactId: artifact.id,
    sourcePath: '/nowhere.mp4',
    sourceName: 'clip.mp4',
    sourceSize: 1,
  });
}

function remoteWorker(leaseMs = 60_000) {
  const engine = new BullQueueEngine({ url: redis.url, leaseMs });
  remotes.push(engine);
  return engine;
}

it('sends a job to Redis, shows a remote worker’s progress to staff, and applies the result of the attempt that holds the lease, once', async () => {
  const video = newVideo();
  const applied = vi.spyOn(t.app.videoJobs, 'onJobEnd');
  const job = t.app.videoJobs.enqueueTranscode(video.id);

  // a takes the job, then stops heartbeating (its machine froze); b takes it over when the lease runs out.
  const a = remoteWorker(400);
  const b = remoteWorker(400);
  const claimed = await waitFor('the queue', async () => await a.claim('a', ['transcode']), 10_000, 50);
  expect(claimed).toMatchObject({ id: job.id, payload: { videoId: video.id } });
  expect(await a.heartbeat(job.id, 'a', 37)).toBe('ok');
  await waitFor('the queue', () => t.app.queue.get(job.id)?.progress === 37, 10_000, 50);
  expect(t.app.queue.get(job.id)).toMatchObject({ state: 'running', leaseOwner: 'a' });

  await waitFor('the queue', async () => await b.claim('b', ['transcode']), 10_000, 50);
  const manifest = (version: string) => fakeManifest(version);
  await expect(
    a.complete(job.id, 'a', {
      videoId: video.id,
      version: 'v-late',
      manifest: manifest('v-late'),
      wallMs: 1,
    }),
  ).rejects.toBeInstanceOf(JobLeaseLostError);
  await b.complete(job.id, 'b', { videoId: video.id, version: 'v-b', manifest: manifest('v-b'), wallMs: 1 });

  await waitFor('the queue', () => t.app.repos.videos.byId(video.id)?.mediaVersion === 'v-b', 10_000, 50);
  expect(t.app.queue.get(job.id)).toMatchObject({ state: 'succeeded', attempts: 2, progress: 100 });
  expect(t.app.repos.videos.byId(video.id)).toMatchObject({ status: 'ready', mediaVersion: 'v-b' });
  expect(applied.mock.calls.filter(([j]) => j.state === 'succeeded')).toHaveLength(1);

  // The same completion seen again (an event replayed, the api restarted) changes nothing.
  const again = await b.get(job.id);
  expect(again?.state).toBe('succeeded');
  expect(mirrorJob(t.app.db, again as NonNullable<typeof again>)).toBeUndefined();
});

it('cancels a job on Redis when staff cancel it, so the remote worker running it stops', async () => {
  const video = newVideo();
  const job = t.app.videoJobs.enqueueTranscode(video.id);
  const w = remoteWorker();
  await waitFor('the queue', async () => (await w.claim('w', ['transcode']))?.id === job.id, 10_000, 50);
  await waitFor('the queue', () => t.app.queue.get(job.id)?.state === 'running', 10_000, 50);
  t.app.queue.cancel(job.id);
  await waitFor('the queue', async () => (await w.heartbeat(job.id, 'w')) === 'cancel', 10_000, 50);
  await w.markCancelled(job.id, 'w');
  await waitFor('the queue', () => t.app.queue.get(job.id)?.state === 'cancelled', 10_000, 50);
});

it('links a published film’s new version for the front server as soon as the api applies a remote result', async () => {
  const video = newVideo('published');
  const job = t.app.videoJobs.enqueueTranscode(video.id);
  const w = remoteWorker();
  await waitFor('the queue', async () => (await w.claim('w', ['transcode']))?.id === job.id, 10_000, 50);
  await w.complete(job.id, 'w', {
    videoId: video.id,
    version: 'v-tree',
    manifest: fakeManifest('v-tree'),
    wallMs: 1,
    captions: [],
  });
  await waitFor('the queue', () => t.app.repos.videos.byId(video.id)?.mediaVersion === 'v-tree', 10_000, 50);
  // No staff request and no 60 s resync in between: the tree followed the result itself.
  expect(readlinkSync(join(t.config.publishedDir, video.id, 'v-tree'))).toBe(
    `../../media/${video.id}/v-tree`,
  );
});
