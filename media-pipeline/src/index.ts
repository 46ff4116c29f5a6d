// Public surface of the media pipeline: the api imports from here only.
export {
  type FfmpegBinaries,
  FfmpegNotFoundError,
  ffmpegBinaries,
  resolveFfmpeg,
} from './ffmpeg/binaries.ts';
export { FfmpegAbortedError, FfmpegError, runFfmpeg } from './ffmpeg/run.ts';
