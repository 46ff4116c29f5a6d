// Public surface of the media pipeline: the api imports from here only.

export { CaptionError, toWebVtt } from './captions/captions.ts';
export { type CueText, listCues, replaceCueText } from './captions/cues.ts';
export {
  type FfmpegBinaries,
  FfmpegNotFoundError,
  type FfmpegPaths,
  ffmpegBinaries,
  resolveFfmpeg,
  useFfmpegBinaries,
} from './ffmpeg/binaries.ts';
export { FfmpegAbortedError, FfmpegError, runFfmpeg, runFfprobe } from './ffmpeg/run.ts';
export { planLadder } from './ladder/ladder.ts';
export { MediaValidationError, probeMedia } from './probe/probe.ts';
export { BullQueueEngine } from './queue/bullmq-engine.ts';
export type { QueueEngine } from './queue/engine.ts';
export {
  type Job,
  JobLeaseLostError,
  JobQueue,
  QUEUE_RESULT_SQL,
  QUEUE_SCHEMA_SQL,
} from './queue/job-queue.ts';
export { type Mirrored, mirrorJob } from './queue/mirror.ts';
export { SqliteQueueEngine } from './queue/sqlite-engine.ts';
export { JobTimeLimitError, type TimeLimitOptions } from './queue/time-limit.ts';
export { type JobHandler, PermanentJobError, Worker } from './queue/worker.ts';
export { type RecaptionResult, recaption } from './recaption.ts';
export { LocalStore } from './storage/local.ts';
export { createS3Client, type S3Settings, S3Store } from './storage/s3.ts';
export { type ByteRange, MEDIA_CONTENT_TYPES, type MediaStore, type StoredEntry } from './storage/store.ts';
// Fixture clips are made at start on a fresh install (seeding), so the clip maker is part of the runtime surface.
export { type ClipRecipe, makeClip } from './synth/make-clip.ts';
export { removeStaleTempFolders } from './temp-folders.ts';
export { type Texts, viDecimal } from './texts.ts';
export { transcode } from './transcode.ts';
export type * from './types.ts';
