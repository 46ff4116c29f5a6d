import type { JobHandler } from '../src/queue/worker.ts';
import { transcode } from '../src/transcode.ts';

export const CRASH_LEASE_MS = 2000;

export interface TranscodePayload {
  input: string;
  videoDir: string;
}

/** The same handler in the doomed child and in the test's own worker: the real transcode. */
export const transcodeHandler: JobHandler = async (job, ctx) => {
  const { input, videoDir } = job.payload as TranscodePayload;
  await transcode({ input, videoDir, signal: ctx.signal, onProgress: (percent) => ctx.progress(percent) });
};
