import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Job, LocalStore, PermanentJobError } from '@artifact-stories/media-pipeline';
import { describe, expect, it } from 'vitest';
import { describeFailure } from './video-job-failures.ts';
import { createVideoJobHandlers, type VideoJobHandlerDeps } from './video-job-handlers.ts';
import { LEGACY_PAYLOAD } from './video-job-payloads.ts';

// The worker's side works from the payload and the storage alone: these fakes have no catalogue at all.
function handlers(extra: Partial<VideoJobHandlerDeps> = {}) {
  const fetched: string[] = [];
  const store = new LocalStore(mkdtempSync(join(tmpdir(), 'handlers-')));
  const deps: VideoJobHandlerDeps = {
    store,
    inputs: {
      localInput: async (ref) => {
        fetched.push(ref);
        return undefined; // every file is gone
      },
    },
    ...extra,
  };
  return { ...createVideoJobHandlers(deps), fetched };
}

const ctx = { progress: () => {} } as unknown as Parameters<
  ReturnType<typeof createVideoJobHandlers>['handlers']['transcode'] & object
>[1];
const job = (type: string, payload: unknown) => ({ id: 9, type, payload, state: 'running' }) as Job;
const failure = (p: Promise<unknown> | undefined) =>
  (p as Promise<unknown>).then(
    () => undefined,
    (e) => e,
  );

describe('video job handlers (no catalogue)', () => {
  it('fails a job queued before payloads carried their inputs for good, saying what to do', async () => {
    const h = handlers();
    const error = await failure(
      h.handlers.transcode?.(job('transcode', { videoId: 'v1', input: '/x' }), ctx),
    );
    expect(error).toBeInstanceOf(PermanentJobError);
    expect(describeFailure(error)).toEqual(LEGACY_PAYLOAD);
    expect(h.fetched).toEqual([]);
  });

  it('looks a legacy job up where a catalogue is at hand', async () => {
    const asked: string[] = [];
    const h = handlers({
      upgrade: (payload) => {
        asked.push(payload.videoId);
        return { v: 2, videoId: payload.videoId, input: 's3:sources/v1.mp4', captions: [] };
      },
    });
    const error = await failure(
      h.handlers.transcode?.(job('transcode', { videoId: 'v1', input: '/x' }), ctx),
    );
    expect(asked).toEqual(['v1']);
    // It then runs from the upgraded payload: here the source is gone.
    expect(h.fetched).toEqual(['s3:sources/v1.mp4']);
    expect(describeFailure(error).en).toMatch(/no longer in storage/);
  });

  it('fails for good, in words, when the source is no longer in storage', async () => {
    const h = handlers();
    const payload = { v: 2, videoId: 'v1', input: 's3:sources/v1.mp4', captions: [] };
    const error = await failure(h.handlers.transcode?.(job('transcode', payload), ctx));
    expect(error).toBeInstanceOf(PermanentJobError);
    expect(describeFailure(error).vi).toMatch(/không còn trong kho lưu trữ/);
  });

  it('has nothing to rebuild for a captions job queued before the first version', async () => {
    const h = handlers();
    const payload = { v: 2, videoId: 'v1', fromVersion: null, captions: [] };
    expect(await h.handlers.captions?.(job('captions', payload), ctx)).toBeNull();
  });
});
