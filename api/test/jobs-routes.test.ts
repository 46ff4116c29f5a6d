import type { JobPage, JobView } from '@artifact-stories/contracts/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeManifest, makeTestApp, type TestApp } from './helpers.ts';
import { artifactInput, staffCookie } from './staff-helpers.ts';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await makeTestApp({ catalogue: true });
  cookie = await staffCookie(t.app, 'editor');
});
let closed = false;
afterAll(async () => {
  if (!closed) await t.app.close();
});

/** A video waiting for its transcode job (WORKER=off: nothing runs it unless the test claims it). */
function queuedVideo() {
  const artifact = t.app.repos.artifacts.create(artifactInput());
  const video = t.app.repos.videos.create({
    artifactId: artifact.id,
    sourcePath: '/nowhere.mp4',
    sourceName: 'a.mp4',
    sourceSize: 1,
  });
  const job = t.app.videoJobs.enqueueTranscode(video.id);
  return { artifact, video, job };
}

/** Earlier tests' jobs are done with: the next claim must take this test's job. */
function clearQueue() {
  for (const j of t.app.queue.list({ state: 'queued', limit: 1000 }).items) t.app.queue.cancel(j.id);
}

const post = (url: string) => t.app.inject({ method: 'POST', url, headers: { cookie } });

describe('jobs', () => {
  it('lists jobs with the video and artifact each works on, filtered by state', async () => {
    const { artifact, video, job } = queuedVideo();
    const page = (
      await t.app.inject({ method: 'GET', url: '/api/staff/jobs?state=queued', headers: { cookie } })
    ).json<JobPage>();
    const view = page.items.find((j) => j.id === job.id);
    expect(view).toMatchObject({
      type: 'transcode',
      state: 'queued',
      videoId: video.id,
      artifact: { id: artifact.id, slug: artifact.slug, title: artifact.title.vi },
    });
    expect(page.items.every((j) => j.state === 'queued')).toBe(true);
    const failed = (
      await t.app.inject({ method: 'GET', url: '/api/staff/jobs?state=failed', headers: { cookie } })
    ).json<JobPage>();
    expect(failed.items.find((j) => j.id === job.id)).toBeUndefined();
  });

  it('cancel and retry change the job and keep the video in step', async () => {
    const { video, job } = queuedVideo();
    const cancelled = await post(`/api/staff/jobs/${job.id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<JobView>().state).toBe('cancelled');
    expect(t.app.repos.videos.byId(video.id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/Cancelled/),
    });
    expect((await post(`/api/staff/jobs/${job.id}/cancel`)).statusCode).toBe(409);

    const retried = await post(`/api/staff/jobs/${job.id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json<JobView>()).toMatchObject({ state: 'queued', attempts: 0, error: null });
    expect(t.app.repos.videos.byId(video.id)).toMatchObject({ status: 'queued', error: null, jobId: job.id });
    const notFailed = await post(`/api/staff/jobs/${job.id}/retry`);
    expect(notFailed.statusCode).toBe(409);
    expect(notFailed.json().message).toMatch(/only failed or cancelled/);
    expect((await post('/api/staff/jobs/999999/retry')).statusCode).toBe(404);
  });

  it('cancelling a re-transcode of a ready video keeps the version on show', async () => {
    const { artifact, video, job } = queuedVideo();
    t.app.repos.videos.markReady(video.id, 'v1', fakeManifest('v1'));
    t.app.repos.artifacts.setCurrentVideo(artifact.id, video.id);
    t.app.repos.artifacts.setStatus(artifact.id, 'published');
    const again = t.app.videoJobs.enqueueTranscode(video.id); // new captions, say
    expect(again.id).not.toBe(job.id);
    expect((await post(`/api/staff/jobs/${again.id}/cancel`)).json<JobView>().state).toBe('cancelled');
    expect(t.app.repos.videos.byId(video.id)).toMatchObject({ status: 'ready', mediaVersion: 'v1' });
    const pub = await t.app.inject({ method: 'GET', url: `/api/artifacts/${artifact.slug}` });
    expect(pub.json().video?.id).toBe(video.id);
  });

  it('cancelling a running job asks its worker to stop; the video keeps its status until the worker does', async () => {
    clearQueue();
    const { video, job } = queuedVideo();
    const claimed = t.app.queue.claim('test-worker', ['transcode']);
    expect(claimed?.id).toBe(job.id);
    const res = await post(`/api/staff/jobs/${job.id}/cancel`);
    expect(res.json<JobView>().state).toBe('running');
    expect(t.app.queue.get(job.id)?.cancelRequested).toBe(true);
    expect(t.app.queue.heartbeat(job.id, 'test-worker', 10)).toBe('cancel');
    expect(t.app.repos.videos.byId(video.id)?.status).toBe('queued');
  });
});

describe('GET /api/staff/jobs/events (Server-Sent Events over real HTTP)', () => {
  it('sends `event: job` with the JobView on every change, and ends open streams at shutdown', async () => {
    clearQueue();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/api/staff/jobs/events`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const until = async (pattern: RegExp) => {
      const deadline = Date.now() + 10_000;
      while (!pattern.test(text)) {
        if (Date.now() > deadline) throw new Error(`no ${pattern} in the stream:\n${text}`);
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended:\n${text}`);
        text += decoder.decode(value, { stream: true });
      }
    };

    const { job, video } = queuedVideo();
    t.app.queue.claim('sse-worker', ['transcode']);
    t.app.queue.heartbeat(job.id, 'sse-worker', 42);
    await until(/"progress":42/);
    const events = text.split('\n\n').filter((e) => e.includes('event: job'));
    const last = events
      .map((e) => JSON.parse(e.split('data: ')[1] ?? '{}') as JobView)
      .filter((j) => j.id === job.id);
    expect(last.at(-1)).toMatchObject({ id: job.id, state: 'running', progress: 42, videoId: video.id });
    // Each change once: queued, then running (claim) and 42% may share a poll, never a repeat.
    const keys = last.map((j) => `${j.state}/${j.progress}`);
    expect(new Set(keys).size).toBe(keys.length);

    t.app.queue.complete(job.id, 'sse-worker');
    await until(/"state":"succeeded"/);

    // Shutting down ends open streams instead of waiting for the clients to leave.
    const closing = t.app.close();
    closed = true;
    const ended = await Promise.race([
      (async () => {
        while (!(await reader.read()).done) {}
        return true;
      })(),
      new Promise((r) => setTimeout(() => r(false), 5000)),
    ]);
    expect(ended).toBe(true);
    await closing;
  });
});
