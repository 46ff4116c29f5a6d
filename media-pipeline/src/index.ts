// Public surface of the media pipeline: the api imports from here only.
export {
  type FfmpegBinaries,
  FfmpegNotFoundError,
  ffmpegBinaries,
  resolveFfmpeg,
} from './ffmpeg/binaries.ts';
export { FfmpegAbortedError, FfmpegError, runFfmpeg } from './ffmpeg/run.ts';
export type * from './types.ts';
export { MediaValidationError, probeMedia } from './probe/probe.ts';
export { planLadder } from './ladder/ladder.ts';
export { transcode } from './transcode.ts';
export { CaptionError, toWebVtt } from './captions/captions.ts';
export { type Job, JobQueue, type JobState, QUEUE_SCHEMA_SQL } from './queue/job-queue.ts';
export { type JobHandler, PermanentJobError, Worker } from './queue/worker.ts';
