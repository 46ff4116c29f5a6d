import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Job } from '@artifact-stories/media-pipeline';
import { LocalStore, MediaValidationError, PermanentJobError } from '@artifact-stories/media-pipeline';
import { describe, expect, it } from 'vitest';
import type { Texts } from '../errors/localized.ts';
import type { VideoRecord } from '../repositories/videos.repository.ts';
import {
  createVideoJobs,
  describeFailure,
  removeSupersededVersions,
  SupersededVideoError,
  type VideoJobDeps,
} from './video-jobs.ts';

type Status = { status: string; error: Texts | null; jobId?: number | null };

/** Fake repositories that record status changes: the decisions are what is under test here. */
function fakes(video: Partial<VideoRecord> | undefined, newer?: Partial<VideoRecord>) {
  const statuses: Status[] = [];
  const enqueued: unknown[] = [];
  const record =
    video &&
    ({ id: 'v1', artifactId: 7, sourcePath: '/src.mp4', mediaVersion: null, ...video } as VideoRecord);
  const newerRecord = newer && ({ ...record, ...newer } as VideoRecord);
  const fail = () => {
    throw new Error('not expected in this test');
  };
  const repos: VideoJobDeps['repos'] = {
    videos: {
      byId: (id) => (record && id === record.id ? record : undefined),
      exists: (id) => record?.id === id,
      setStatus: (_id, status, f = {}) => {
        // As the repository keeps a plain string: English only.
        const error = typeof f.error === 'string' ? { en: f.error, vi: '' } : (f.error ?? null);
        statuses.push({ status, error, jobId: f.jobId });
      },
      captions: () => [],
      newerAccepted: () => newerRecord,
      markReady: fail,
    },
    artifacts: { setCurrentVideo: fail },
  };
  const queue: VideoJobDeps['queue'] = {
    enqueue: <P>(type: string, payload: P) => {
      enqueued.push({ type, payload });
      return { id: 41, type, payload } as Job<P>;
    },
  };
  const sources: VideoJobDeps['sources'] = { localInput: fail };
  const store = new LocalStore('/media');
  return { jobs: createVideoJobs({ queue, repos, store, sources }), statuses, enqueued };
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
  it('queues a transcode of the source and marks the video queued with its job', () => {
    const { jobs, statuses, enqueued } = fakes({});
    jobs.enqueueTranscode('v1');
    expect(enqueued).toEqual([{ type: 'transcode', payload: { input: '/src.mp4', videoId: 'v1' } }]);
    expect(statuses).toEqual([{ status: 'queued', error: null, jobId: 41 }]);
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

  it('does not transcode a clip that a newer accepted upload replaced, and says so in both languages', async () => {
    const { jobs, statuses } = fakes({}, { id: 'v2' });
    const ctx = {} as Parameters<(typeof jobs.handlers)['transcode']>[1];
    const error = await jobs.handlers.transcode?.(job('running'), ctx).catch((e: unknown) => e);
    // Permanent: the queue must not retry it; nothing was set processing.
    expect(error).toBeInstanceOf(PermanentJobError);
    expect((error as PermanentJobError).cause).toBeInstanceOf(SupersededVideoError);
    expect(statuses).toEqual([]);
    jobs.onJobEnd(job('failed'), error);
    expect(statuses[0]?.status).toBe('failed');
    expect(statuses[0]?.error?.en).toMatch(/newer upload replaced this clip/);
    expect(statuses[0]?.error?.vi).toMatch(/đã thay thế đoạn phim này/);
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
