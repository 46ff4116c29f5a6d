import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StaffArtifactDetail } from '@artifact-stories/contracts/schemas';
import { CaptionError, toWebVtt } from '@artifact-stories/media-pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers.ts';
import { artifactInput, staffCookie } from './staff-helpers.ts';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await makeTestApp({ catalogue: true });
  cookie = await staffCookie(t.app, 'editor');
});
afterAll(async () => t.app.close());

const GOOD_SRT =
  '1\r\n00:00:00,500 --> 00:00:02,000\r\nTiếng khèn gọi bạn\r\n\r\n2\r\n00:00:02,500 --> 00:00:04,000\r\nvề bản\r\n';
const BAD_SRT = '1\n00:00:05,000 --> 00:00:02,000\nthe end comes before the start\n';

function put(id: number, lang: string, body: string, type = 'application/x-subrip', acceptLanguage?: string) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/staff/artifacts/${id}/captions/${lang}`,
    payload: body,
    headers: {
      cookie,
      'content-type': type,
      ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}),
    },
  });
}

/** An artifact whose newest video has a stored source (no worker runs here: jobs just wait in the queue). */
function artifactWithVideo(): { artifactId: number; videoId: string } {
  const a = t.app.repos.artifacts.create(artifactInput());
  const source = join(t.config.uploadDir, 'sources', `${a.slug}.mp4`);
  mkdirSync(join(source, '..'), { recursive: true });
  writeFileSync(source, 'bytes');
  const v = t.app.repos.videos.create({
    artifactId: a.id,
    sourcePath: source,
    sourceName: 'clip.mp4',
    sourceSize: 5,
  });
  return { artifactId: a.id, videoId: v.id };
}

describe('PUT /api/staff/artifacts/:id/captions/:lang', () => {
  it('refuses bad captions with the validator’s own message, and stores nothing', async () => {
    const { artifactId, videoId } = artifactWithVideo();
    let expected = { en: '', vi: '' };
    try {
      toWebVtt(BAD_SRT);
    } catch (err) {
      expect(err).toBeInstanceOf(CaptionError);
      expected = (err as CaptionError).messages;
    }
    expect(expected.en).toMatch(/^Line 2: the cue ends at 00:00:02\.000/);
    expect(expected.vi).toMatch(/^Dòng 2: câu phụ đề kết thúc lúc 00:00:02\.000/);
    const res = await put(artifactId, 'en', BAD_SRT);
    expect(res.statusCode).toBe(400);
    const refused = { statusCode: 400, error: 'Bad Request', code: 'invalid_captions' };
    expect(res.json()).toEqual({ ...refused, message: expected.en });
    const resVi = await put(artifactId, 'en', BAD_SRT, 'application/x-subrip', 'vi,en;q=0.5');
    expect(resVi.json()).toEqual({ ...refused, message: expected.vi });
    const resEn = await put(artifactId, 'en', BAD_SRT, 'application/x-subrip', 'en,vi;q=0.5');
    expect(resEn.json()).toEqual({ ...refused, message: expected.en });
    expect(t.app.repos.videos.captions(videoId)).toEqual([]);
    expect(
      t.app.queue
        .list({ state: 'queued' })
        .items.filter((j) => (j.payload as { videoId: string }).videoId === videoId),
    ).toEqual([]);
  });

  it('stores good SRT as WebVTT for the newest video and queues a transcode', async () => {
    const { artifactId, videoId } = artifactWithVideo();
    const res = await put(artifactId, 'vi', GOOD_SRT);
    expect(res.statusCode).toBe(200);
    const detail = res.json<StaffArtifactDetail>();
    expect(detail.video).toMatchObject({
      id: videoId,
      status: 'queued',
      captions: [{ lang: 'vi', label: 'Tiếng Việt', kind: 'transcription', source: 'human' }],
    });

    const [caption] = t.app.repos.videos.captions(videoId);
    expect(caption?.path).toBe(join(t.config.uploadDir, 'captions', videoId, 'vi.vtt'));
    expect(readFileSync(caption?.path ?? '', 'utf8')).toBe(toWebVtt(GOOD_SRT));

    const job = t.app.queue.get(detail.video?.jobId ?? 0);
    expect(job).toMatchObject({ type: 'transcode', state: 'queued', payload: { videoId } });

    // A second upload replaces the file; the still-waiting job reads it when it starts, so it stays.
    const again = await put(
      artifactId,
      'vi',
      'WEBVTT\n\n00:01.000 --> 00:02.000\nMới\n',
      'text/vtt; charset=utf-8',
    );
    expect(again.statusCode).toBe(200);
    expect(readFileSync(caption?.path ?? '', 'utf8')).toContain('Mới');
    expect(t.app.queue.get(job?.id ?? 0)?.state).toBe('queued');
    expect(t.app.queue.list({ state: 'cancelled' }).total).toBe(0);
    expect(t.app.repos.videos.captions(videoId)).toHaveLength(1);
    expect(again.json().video.jobId).toBe(job?.id);
  });

  it('explains what is missing: no video, empty body, unknown language, too large', async () => {
    const bare = t.app.repos.artifacts.create(artifactInput());
    const none = await put(bare.id, 'vi', GOOD_SRT);
    expect(none.statusCode).toBe(409);
    expect(none.json().message).toMatch(/no video yet/);
    const { artifactId } = artifactWithVideo();
    expect((await put(artifactId, 'vi', '   ', 'text/plain')).json().message).toMatch(/body is empty/);
    const lang = await put(artifactId, 'xx', GOOD_SRT);
    expect(lang.statusCode).toBe(400);
    expect(lang.json().message).toMatch(/'xx' is not a language the catalogue knows/);
    const huge = await put(artifactId, 'vi', 'x'.repeat(1024 * 1024 + 10), 'text/plain');
    expect(huge.statusCode).toBe(413);
    expect(huge.json().message).toBe('The body is larger than the 1 MiB limit. Send a smaller one.');
    expect((await put(999999, 'vi', GOOD_SRT)).statusCode).toBe(404);

    // The same refusals for a Vietnamese screen.
    expect((await put(bare.id, 'vi', GOOD_SRT, undefined, 'vi')).json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'Hiện vật này chưa có video: hãy tải đoạn phim lên trước, rồi mới đến phụ đề.',
      code: 'no_video',
    });
    expect((await put(artifactId, 'xx', GOOD_SRT, undefined, 'vi')).json().message).toMatch(
      /^'xx' không phải là ngôn ngữ có trong danh mục\./,
    );
    const hugeVi = await put(artifactId, 'vi', 'x'.repeat(1024 * 1024 + 10), 'text/plain', 'vi');
    expect(hugeVi.json()).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'Nội dung gửi lên vượt quá giới hạn 1 MiB. Hãy gửi nội dung nhỏ hơn.',
      code: 'body_too_large',
    });
  });
});
