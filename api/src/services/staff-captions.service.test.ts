import { describe, expect, it } from 'vitest';
import type { CaptionRecord, VideoRecord } from '../repositories/videos.repository.ts';
import { StaffCaptionsService } from './staff-captions.service.ts';

function setup(video: Partial<VideoRecord>, jobState?: string) {
  const stored: CaptionRecord[] = [];
  const enqueued: string[] = [];
  const record = {
    id: 'vid',
    sourcePath: '/s.mp4',
    jobId: null,
    mediaVersion: null,
    ...video,
  } as VideoRecord;
  const service = new StaffCaptionsService({
    artifacts: { byId: () => ({}) as never },
    videos: {
      latestForArtifact: () => record,
      upsertCaption: (c) => void stored.push(c),
      deleteCaption: () => undefined,
      captions: () => stored,
    },
    files: {
      writeCaption: async (_v, lang) => `/c/${lang}.vtt`,
      removeFile: async () => {},
      readCaption: async () => '',
    },
    cues: { list: () => [], replace: () => null },
    toWebVtt: (text) => text,
    isCaptionError: (_err): _err is Error & { messages: { en: string; vi: string } } => false,
    jobs: { get: () => (jobState ? { state: jobState } : undefined) },
    enqueueTranscode: () => {
      enqueued.push('transcode');
      return { id: 10 };
    },
    enqueueCaptions: () => {
      enqueued.push('captions');
      return { id: 20 };
    },
  });
  return { service, stored, enqueued };
}

describe('StaffCaptionsService', () => {
  it('makes a captions version of a video on show, with the tag put right and the track described', async () => {
    const { service, stored, enqueued } = setup({ mediaVersion: 'v1', jobId: 3 }, 'succeeded');
    expect(await service.attach(1, 'en_gb', 'WEBVTT', { source: 'machine' })).toEqual({
      videoId: 'vid',
      jobId: 20,
    });
    expect(enqueued).toEqual(['captions']);
    expect(stored).toEqual([
      {
        videoId: 'vid',
        lang: 'en-GB',
        label: 'English (GB)',
        path: '/c/en-GB.vtt',
        kind: 'translation',
        source: 'machine',
      },
    ]);
  });

  it('leaves the change to a transcode still waiting, and transcodes a video that has no version', async () => {
    const waiting = setup({ mediaVersion: 'v1', jobId: 3 }, 'queued');
    expect((await waiting.service.attach(1, 'tyz', 'WEBVTT')).jobId).toBe(3);
    expect(waiting.enqueued).toEqual([]);
    expect(waiting.stored[0]).toMatchObject({ label: 'Tiếng Tày', kind: 'transcription', source: 'human' });
    const failed = setup({ jobId: 3 }, 'failed');
    await failed.service.attach(1, 'vi', 'WEBVTT');
    expect(failed.enqueued).toEqual(['transcode']);
    // A first transcode still running: the captions job runs after it, on the version it makes.
    const running = setup({ jobId: 3 }, 'running');
    await running.service.attach(1, 'vi', 'WEBVTT');
    expect(running.enqueued).toEqual(['captions']);
  });

  it('refuses an unknown tag before storing anything', async () => {
    const { service, stored, enqueued } = setup({ mediaVersion: 'v1' });
    await expect(service.attach(1, 'vn', 'WEBVTT')).rejects.toMatchObject({
      statusCode: 400,
      code: 'invalid_language',
    });
    expect([stored, enqueued]).toEqual([[], []]);
  });
});
