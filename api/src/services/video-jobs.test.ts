import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from '@artifact-stories/media-pipeline';
import { LocalStore, MediaValidationError, PermanentJobError } from '@artifact-stories/media-pipeline';
import { describe, expect, it } from 'vitest';
import type { Texts } from '../errors/localized.ts';
import type { CaptionRecord, VideoRecord } from '../repositories/videos.repository.ts';
import { describeFailure, removeSupersededVersions } from './video-job-failures.ts';
import { createVideoJobs, type VideoJobDeps } from './video-jobs.ts';

type Status = { status: string; error: Texts | null; jobId?: number | null };

const VI: CaptionRecord = {
  videoId: 'v1',
  lang: 'vi',
  label: 'Tiếng Việt',
  path: 's3:captions/v1/vi.vtt',
  kind: 'transcription',
  source: 'human',
};

/** Fake repositories that record status changes: the decisions are what is under test here. */
function fakes(
  video: Partial<VideoRecord> | undefined,
  opts: {
    newerOf?: Record<string, string>;
    others?: VideoRecord[];
    jobs?: Job[];
    captions?: CaptionRecord[];
  } = {},
) {
  const statuses: Status[] = [];
  const enqueued: { type: string; payload: unknown }[] = [];
  const cancelled: number[] = [];
  const ready: string[] = [];
  const record =
    video &&
    ({
      id: 'v1',
      artifactId: 7,
      sourcePath: '/src.mp4',
      mediaVersion: null,
      jobId: null,
      ...video,
    } as VideoRecord);
  const videos = [...(record ? [record] : []), ...(opts.others ?? [])];
  const jobs = new Map((opts.jobs ?? []).map((j) => [j.id, j]));
  const repos: VideoJobDeps['repos'] = {
    videos: {
      byId: (id) => videos.find((v) => v.id === id),
      exists: (id) => videos.some((v) => v.id === id),
      setStatus: (_id, status, f = {}) => {
        // As the repository keeps a plain string: English only.
        const error = typeof f.error === 'string' ? { en: f.error, vi: '' } : (f.error ?? null);
        statuses.push({ status, error, jobId: f.jobId });
      },
      captions: () => opts.captions ?? [],
      newerAccepted: (id) => videos.find((v) => v.id === opts.newerOf?.[id]),
      markReady: (_id, version) => {
        ready.push(version);
      },
      forArtifact: () => videos,
    },
    artifacts: { setCurrentVideo: () => {} },
  };
  const queue: VideoJobDeps['queue'] = {
    enqueue: <P>(type: string, payload: P) => {
      enqueued.push({ type, payload });
      return { id: 41, type, payload } as Job<P>;
    },
    get: (id) => jobs.get(id),
    cancel: (id) => {
      cancelled.push(id);
      const j = jobs.get(id);
      if (j) jobs.set(id, { ...j, state: 'cancelled' });
      return jobs.get(id);
    },
  };
  const store = new LocalStore(mkdtempSync(join(tmpdir(), 'video-jobs-')));
  return { jobs: createVideoJobs({ queue, repos, store }), statuses, enqueued, cancelled, ready };
}

const job = (state: Job['state'], extra: Partial<Job> = {}): Job =>
  ({
    id: 41,
    type: 'transcode',
    payload: { videoId: 'v1', input: '/src.mp4' },
    state,
    attempts: 1,
    ...extra,
  }) as Job;

describe('video jobs', () => {
  it('queues a transcode carrying every input a worker needs: the source and the caption files', () => {
    const { jobs, statuses, enqueued } = fakes({}, { captions: [VI] });
    jobs.enqueueTranscode('v1');
    expect(enqueued).toEqual([
      {
        type: 'transcode',
        payload: {
          v: 2,
          videoId: 'v1',
          input: '/src.mp4',
          captions: [
            { lang: 'vi', label: 'Tiếng Việt', kind: 'transcription', source: 'human', file: VI.path },
          ],
        },
      },
    ]);
    expect(statuses).toEqual([{ status: 'queued', error: null, jobId: 41 }]);
  });

  it('queues a captions job naming the version it starts from', () => {
    const { jobs, enqueued } = fakes({ mediaVersion: 'v-a' }, { captions: [VI] });
    jobs.enqueueCaptions('v1');
    expect(enqueued[0]).toMatchObject({ type: 'captions', payload: { v: 2, fromVersion: 'v-a' } });
  });

  it('refuses to queue a video without a source', () => {
    const { jobs } = fakes({ sourcePath: null });
    expect(() => jobs.enqueueTranscode('v1')).toThrow(/no source file/);
  });

  it('marks a first transcode that failed for good as failed, with the reason in words', () => {
    const { jobs, statuses } = fakes({});
    const messages = {
      en: 'This file has sound but no picture.',
      vi: 'Tệp này chỉ có âm thanh, không có hình.',
    };
    jobs.onJobEnd(job('failed'), new MediaValidationError('no-video', messages));
    // Both languages are stored: the staff API answers with the one each request asks for.
    expect(statuses).toEqual([{ status: 'failed', error: messages, jobId: undefined }]);
    // As the worker reports it: the handler wraps the refusal so the queue does not retry it.
    const wrapped = fakes({});
    const refusal = new MediaValidationError('no-video', messages);
    wrapped.jobs.onJobEnd(job('failed'), new PermanentJobError(refusal.message, { cause: refusal }));
    expect(wrapped.statuses).toEqual([{ status: 'failed', error: messages, jobId: undefined }]);
  });

  it('keeps a video that already has a version on show when a re-transcode fails or is cancelled', () => {
    for (const state of ['failed', 'cancelled'] as const) {
      const { jobs, statuses } = fakes({ mediaVersion: 'v1abc' });
      jobs.onJobEnd(job(state), new Error('disk full'));
      expect(statuses[0]?.status).toBe('ready');
      expect(statuses[0]?.error?.en).toMatch(/previous version is still shown/);
      expect(statuses[0]?.error?.vi).toMatch(
        /^Phiên bản mới chưa được tạo \(.+\)\. Phiên bản trước vẫn đang/,
      );
    }
  });

  it('says a retry is coming when the job went back to the queue after an error', () => {
    const { jobs, statuses } = fakes({});
    jobs.onJobEnd(job('queued', { attempts: 2 }), new Error('ffmpeg exited with 1'));
    expect(statuses[0]).toMatchObject({ status: 'queued' });
    expect(statuses[0]?.error?.en).toMatch(/^Attempt 2 failed .*retrying/);
    expect(statuses[0]?.error?.vi).toBe(
      'Lần thử thứ 2 không thành công (Chuyển mã không thành công: ffmpeg exited with 1); hệ thống đang thử lại.',
    );
  });

  it('leaves succeeded jobs and unknown videos alone', () => {
    const { jobs, statuses } = fakes({});
    jobs.onJobEnd(job('succeeded'));
    jobs.onJobEnd({ ...job('failed'), payload: { videoId: 'gone', input: 'x' } });
    expect(statuses).toEqual([]);
  });

  it('stops the transcode of a clip that a newer accepted upload replaced, and says so in both languages', () => {
    const older = {
      id: 'v0',
      artifactId: 7,
      sourcePath: '/old.mp4',
      mediaVersion: null,
      jobId: 40,
    } as VideoRecord;
    const waiting = { id: 40, type: 'transcode', payload: { videoId: 'v0' }, state: 'queued' } as Job;
    const { jobs, cancelled, statuses } = fakes(
      {},
      { others: [older], jobs: [waiting], newerOf: { v0: 'v1' } },
    );
    jobs.enqueueTranscode('v1');
    expect(cancelled).toEqual([40]);
    // v1 queued, then v0 failed: a queued job ends at once, with the reason in words.
    expect(statuses.map((x) => x.status)).toEqual(['queued', 'failed']);
    expect(statuses[1]?.error?.en).toMatch(/newer upload replaced this clip/);
    expect(statuses[1]?.error?.vi).toMatch(/đã thay thế đoạn phim này/);
    // Nothing to stop when the older clip's job already ended.
    const over = fakes(
      {},
      { others: [older], jobs: [{ ...waiting, state: 'failed' }], newerOf: { v0: 'v1' } },
    );
    over.jobs.enqueueTranscode('v1');
    expect(over.cancelled).toEqual([]);
  });

  it('makes a captions job again when the version it started from is no longer the one on show', () => {
    const { jobs, ready, enqueued } = fakes({ mediaVersion: 'v-b' }, { captions: [VI] });
    jobs.onJobEnd(
      job('succeeded', {
        type: 'captions',
        result: { videoId: 'v1', version: 'v-c', manifest: {}, wallMs: 1, captions: [], fromVersion: 'v-a' },
      }),
    );
    expect(ready).toEqual([]);
    expect(enqueued).toMatchObject([{ type: 'captions', payload: { fromVersion: 'v-b' } }]);
  });

  it('follows a transcode with a captions job when the captions changed while it was queued', () => {
    const done = (captions: string[]) =>
      job('succeeded', { result: { videoId: 'v1', version: 'v-b', manifest: {}, wallMs: 1, captions } });
    const same = fakes({ mediaVersion: null }, { captions: [VI] });
    same.jobs.onJobEnd(done([`vi:${VI.path}`]));
    expect(same.ready).toEqual(['v-b']);
    expect(same.enqueued).toEqual([]);
    const added = fakes({ mediaVersion: null }, { captions: [VI] });
    added.jobs.onJobEnd(done([]));
    expect(added.ready).toEqual(['v-b']);
    expect(added.enqueued).toMatchObject([{ type: 'captions' }]);
  });

  it('describes failures for staff, not with stack traces', () => {
    expect(describeFailure(new Error('ffmpeg exited with 1: Invalid data'))).toEqual({
      en: 'The transcode failed: ffmpeg exited with 1: Invalid data',
      vi: 'Chuyển mã không thành công: ffmpeg exited with 1: Invalid data',
    });
  });
});

describe('removeSupersededVersions', () => {
  it('keeps the new and the replaced version (and temp folders), removes older ones', async () => {
    const root = mkdtempSync(join(tmpdir(), 'versions-'));
    const dir = join(root, 'video1');
    for (const v of ['v1', 'v2', 'v3', '.tmp-v4-x']) {
      mkdirSync(join(dir, v), { recursive: true });
      writeFileSync(join(dir, v, 'manifest.json'), '{}');
    }
    const store = new LocalStore(root);
    expect((await removeSupersededVersions(store, 'video1', ['v3', 'v2'])).sort()).toEqual(['v1']);
    expect(readdirSync(dir).sort()).toEqual(['.tmp-v4-x', 'v2', 'v3']);
    expect(await removeSupersededVersions(store, 'video1', ['v4', null])).toEqual(
      expect.arrayContaining(['v2', 'v3']),
    );
  });
});
