import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArtifactDetail, StaffArtifactDetail } from '@artifact-stories/contracts/schemas';
import { runFfmpeg } from '@artifact-stories/media-pipeline';
import { makeClip } from '@artifact-stories/media-pipeline/testing';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers.ts';
import { artifactInput, staffCookie } from './staff-helpers.ts';
import { waitFor } from './wait.ts';

let t: TestApp;
let cookie: string;
let base: string;
const work = mkdtempSync(join(tmpdir(), 'uploads-test-'));

beforeAll(async () => {
  t = await makeTestApp({ catalogue: true, config: { WORKER: 'inline' } });
  cookie = await staffCookie(t.app, 'editor');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(async () => t.app.close());

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

function newArtifact() {
  return t.app.repos.artifacts.create(artifactInput());
}

interface Outcome {
  url: string | null;
  error?: tus.DetailedError;
}

/** One tus upload from Node; `stopAfterFirstChunk` cuts it off like a dropped connection between chunks. */
function upload(
  data: Buffer,
  metadata: Record<string, string>,
  opts: {
    chunkSize?: number;
    uploadUrl?: string;
    stopAfterFirstChunk?: boolean;
    headers?: Record<string, string>;
  } = {},
): Promise<Outcome> {
  return new Promise((resolve) => {
    const u: tus.Upload = new tus.Upload(data, {
      endpoint: `${base}/api/staff/uploads`,
      uploadUrl: opts.uploadUrl ?? null,
      metadata,
      headers: { cookie, ...opts.headers },
      chunkSize: opts.chunkSize ?? Number.POSITIVE_INFINITY,
      retryDelays: null,
      storeFingerprintForResuming: false,
      onChunkComplete: () => {
        if (opts.stopAfterFirstChunk) u.abort().then(() => resolve({ url: u.url }));
      },
      onSuccess: () => resolve({ url: u.url }),
      onError: (error) => resolve({ url: u.url, error: error as tus.DetailedError }),
    });
    u.start();
  });
}

const tusLeftovers = () => readdirSync(join(t.config.uploadDir, 'tus'));

describe('tus uploads', () => {
  it('an upload cut halfway resumes to a byte-identical source, then becomes a ready, playable video', async () => {
    const artifact = newArtifact();
    const clip = readFileSync(
      await makeClip(
        { durationSec: 2, width: 320, height: 240, fps: 15, audio: true },
        join(work, 'clip.mp4'),
        'Tus',
      ),
    );
    const half = Math.ceil(clip.length / 2);
    const meta = { artifactId: String(artifact.id), filename: 'khen-mong.mp4' };

    const first = await upload(clip, meta, { chunkSize: half, stopAfterFirstChunk: true });
    expect(first.error).toBeUndefined();
    expect(first.url).toMatch(/\/api\/staff\/uploads\/[0-9a-f]{32}$/);
    // The server kept exactly the first half; nothing is a video yet.
    const head = await fetch(first.url as string, {
      method: 'HEAD',
      headers: { cookie, 'tus-resumable': '1.0.0' },
    });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('upload-offset'))).toBe(half);
    expect(t.app.repos.videos.latestForArtifact(artifact.id)).toBeUndefined();

    const rest = await upload(clip, meta, { uploadUrl: first.url as string });
    expect(rest.error).toBeUndefined();

    const video = t.app.repos.videos.latestForArtifact(artifact.id);
    expect(video).toMatchObject({ sourceName: 'khen-mong.mp4', sourceSize: clip.length });
    expect(video?.sourcePath).toBe(join(t.config.uploadDir, 'sources', `${video?.id}.mp4`));
    expect(sha256(readFileSync(video?.sourcePath as string))).toBe(sha256(clip));
    expect(tusLeftovers()).toEqual([]);

    const ready = await waitFor('the video to be ready', () => {
      const v = t.app.repos.videos.byId(video?.id as string);
      if (v?.status === 'failed') throw new Error(`transcode failed: ${v.error}`);
      return v?.status === 'ready' && v;
    });
    expect(ready.mediaVersion).toBeTruthy();

    const staffView = await fetch(`${base}/api/staff/artifacts/${artifact.id}`, { headers: { cookie } });
    expect((await staffView.json()) as StaffArtifactDetail).toMatchObject({
      video: { id: video?.id, status: 'ready', progress: 100, current: true },
    });
    const publish = await fetch(`${base}/api/staff/artifacts/${artifact.id}/publish`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(publish.status).toBe(200);
    const pub = (await (await fetch(`${base}/api/artifacts/${artifact.slug}`)).json()) as ArtifactDetail;
    expect(pub.video?.hls).toMatch(new RegExp(`^/media/${video?.id}/.+\\.m3u8$`));
    const master = await fetch(`${base}${pub.video?.hls}`);
    expect(master.status).toBe(200);
    expect(await master.text()).toMatch(/^#EXTM3U/);
  });

  it('refuses random bytes and a still PNG by content: 422 with the reason, shown on the artifact, file removed', async () => {
    const png = join(work, 'still.png');
    await runFfmpeg(['-y', '-f', 'lavfi', '-i', 'color=c=red:s=64x64', '-frames:v', '1', png]);
    // Each refusal in the language the uploading screen asks for; the artifact keeps both.
    const cases: [string, Buffer, 'en' | 'vi', RegExp, RegExp][] = [
      [
        'random.mp4',
        randomBytes(64 * 1024),
        'en',
        /not a video that can be read/,
        /^Tệp này không phải là video/,
      ],
      [
        'photo.mp4',
        readFileSync(png),
        'vi',
        /^Tệp này là ảnh tĩnh, không phải video\. Hãy/,
        /^This is a still image/,
      ],
    ];
    const messages: string[] = [];
    for (const [filename, data, lang, asked, other] of cases) {
      const artifact = newArtifact();
      const res = await upload(
        data,
        { artifactId: String(artifact.id), filename },
        { headers: { 'accept-language': lang } },
      );
      expect(res.error?.originalResponse?.getStatus()).toBe(422);
      const body = JSON.parse(res.error?.originalResponse?.getBody() ?? '{}');
      expect(body).toEqual({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: expect.any(String),
        code: 'video_refused',
      });
      expect(body.message).toMatch(asked);
      messages.push(body.message);

      const view = async (acceptLanguage: string) =>
        (await (
          await fetch(`${base}/api/staff/artifacts/${artifact.id}`, {
            headers: { cookie, 'accept-language': acceptLanguage },
          })
        ).json()) as StaffArtifactDetail;
      expect((await view(lang === 'vi' ? 'en' : 'vi')).video?.error).toMatch(other);
      const detail = await view(lang);
      expect(detail.video).toMatchObject({
        status: 'failed',
        error: body.message,
        sourceName: filename,
        sourceSize: data.length,
      });
      expect(tusLeftovers()).toEqual([]);
      expect(t.app.repos.videos.latestForArtifact(artifact.id)?.sourcePath).toBeNull();
    }
    // The two files fail for different reasons, and the messages say so.
    expect(messages[0]).not.toBe(messages[1]);
    expect(existsSync(join(t.config.uploadDir, 'sources'))).toBe(true);
    for (const f of readdirSync(join(t.config.uploadDir, 'sources'))) {
      expect(sha256(readFileSync(join(t.config.uploadDir, 'sources', f)))).not.toBe(
        sha256(cases[0]?.[1] as Buffer),
      );
    }
  });

  it('refuses at creation: no session (401), foreign Origin (403), bad metadata (400), unknown artifact (404), too large (413)', async () => {
    const artifact = newArtifact();
    const data = Buffer.from('tiny');
    const noSession = await upload(
      data,
      { artifactId: String(artifact.id), filename: 'a.mp4' },
      { headers: { cookie: '' } },
    );
    expect(noSession.error?.originalResponse?.getStatus()).toBe(401);
    const foreign = await upload(
      data,
      { artifactId: String(artifact.id), filename: 'a.mp4' },
      { headers: { origin: 'https://evil.example' } },
    );
    expect(foreign.error?.originalResponse?.getStatus()).toBe(403);
    const noName = await upload(data, { artifactId: String(artifact.id) });
    expect(noName.error?.originalResponse?.getStatus()).toBe(400);
    expect(JSON.parse(noName.error?.originalResponse?.getBody() ?? '{}').message).toMatch(/filename/);
    const unknown = await upload(data, { artifactId: '987654', filename: 'a.mp4' });
    expect(unknown.error?.originalResponse?.getStatus()).toBe(404);

    const small = await makeTestApp({ catalogue: true, config: { MAX_UPLOAD_BYTES: 2048 } });
    try {
      const editor = await staffCookie(small.app, 'editor');
      const a = small.app.repos.artifacts.create(artifactInput());
      const headers = {
        cookie: editor,
        'tus-resumable': '1.0.0',
        'upload-length': '5000',
        'upload-metadata': `artifactId ${Buffer.from(String(a.id)).toString('base64')},filename ${Buffer.from('a.mp4').toString('base64')}`,
      };
      const big = await small.app.inject({ method: 'POST', url: '/api/staff/uploads', headers });
      expect(big.statusCode).toBe(413);
      expect(big.json()).toEqual({
        statusCode: 413,
        error: 'Payload Too Large',
        message: expect.stringMatching(/^The file is larger than the 2 KiB limit\. Upload a shorter clip/),
        code: 'payload_too_large',
      });
      const bigVi = await small.app.inject({
        method: 'POST',
        url: '/api/staff/uploads',
        headers: { ...headers, 'accept-language': 'vi' },
      });
      expect(bigVi.json().message).toMatch(
        /^Tệp lớn hơn giới hạn 2 KiB\. Hãy tải lên một đoạn phim ngắn hơn/,
      );
    } finally {
      await small.app.close();
    }
    expect(tusLeftovers()).toEqual([]);
  });
  it('a clip sent inside its create request (creation-with-upload) is answered 201, once, and a later HEAD says complete', async () => {
    const artifact = newArtifact();
    const clip = readFileSync(
      await makeClip(
        { durationSec: 1, width: 320, height: 240, fps: 15, audio: false },
        join(work, 'one-request.mp4'),
        'Một lần',
      ),
    );
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const res = await fetch(`${base}/api/staff/uploads`, {
      method: 'POST',
      headers: {
        cookie,
        'tus-resumable': '1.0.0',
        'upload-length': String(clip.length),
        'upload-metadata': `artifactId ${b64(String(artifact.id))},filename ${b64('mot-lan.mp4')}`,
        'content-type': 'application/offset+octet-stream',
      },
      body: clip,
    });
    expect(res.status).toBe(201);
    expect(Number(res.headers.get('upload-offset'))).toBe(clip.length);
    const videoId = res.headers.get('video-id');
    expect(t.app.repos.videos.latestForArtifact(artifact.id)?.id).toBe(videoId);

    // A client that lost that answer asks where to resume: the upload is complete, nothing to send again.
    const head = await fetch(new URL(res.headers.get('location') as string, base), {
      method: 'HEAD',
      headers: { cookie, 'tus-resumable': '1.0.0' },
    });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('upload-offset'))).toBe(clip.length);
    const jobs = t.app.queue
      .list()
      .items.filter((j) => (j.payload as { videoId?: string }).videoId === videoId);
    expect(jobs).toHaveLength(1);
  });
  it('a clip uploaded again replaces the one before it: only the newest accepted clip goes on show', async () => {
    const artifact = newArtifact();
    const make = async (name: string, title: string) =>
      readFileSync(
        await makeClip(
          { durationSec: 1, width: 320, height: 240, fps: 15, audio: false },
          join(work, name),
          title,
        ),
      );
    const meta = (filename: string) => ({ artifactId: String(artifact.id), filename });
    expect((await upload(await make('first.mp4', 'Lần đầu'), meta('first.mp4'))).error).toBeUndefined();
    const first = t.app.repos.videos.latestForArtifact(artifact.id);
    const refused = await upload(randomBytes(4096), meta('broken.mp4'));
    expect(refused.error?.originalResponse?.getStatus()).toBe(422);
    // A refused file replaces nothing.
    expect(t.app.repos.videos.newerAccepted(first?.id as string)).toBeUndefined();
    expect((await upload(await make('second.mp4', 'Lần hai'), meta('second.mp4'))).error).toBeUndefined();
    const second = t.app.repos.videos.latestForArtifact(artifact.id);
    expect(t.app.repos.videos.newerAccepted(first?.id as string)?.id).toBe(second?.id);
    expect(t.app.repos.videos.newerAccepted(second?.id as string)).toBeUndefined();

    await waitFor('both transcodes to end', () =>
      [first, second].every((v) =>
        ['ready', 'failed'].includes(t.app.repos.videos.byId(v?.id as string)?.status ?? ''),
      ),
    );
    expect(t.app.repos.videos.byId(second?.id as string)?.status).toBe('ready');
    expect(t.app.repos.artifacts.byId(artifact.id)?.currentVideoId).toBe(second?.id);
  });
});
