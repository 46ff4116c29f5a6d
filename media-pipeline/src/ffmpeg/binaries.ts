import { accessSync, constants, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import ffmpeg from 'fluent-ffmpeg';

type BinarySource = 'env' | 'ffmpeg-static' | 'system';

export interface FfmpegBinaries {
  ffmpeg: string;
  ffprobe: string;
  ffmpegSource: BinarySource;
  ffprobeSource: BinarySource;
}

export class FfmpegNotFoundError extends Error {
  constructor(missing: 'ffmpeg' | 'ffprobe') {
    super(
      `${missing} was not found. Fix one of: (1) set ${missing === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH'} ` +
        `to the binary; (2) install the optional package ffmpeg-static (npm install ffmpeg-static, needs ` +
        `internet access at install time); (3) install the system package (Debian/Ubuntu: apt-get install ffmpeg).`,
    );
    this.name = 'FfmpegNotFoundError';
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** ffmpeg-static is optional: its install step downloads a binary and fails on machines without internet. */
function fromFfmpegStatic(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const path = require('ffmpeg-static') as string | null;
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Binaries named by the caller's configuration (FFMPEG_PATH / FFPROBE_PATH); empty or absent = not set. */
export interface FfmpegPaths {
  ffmpegPath?: string;
  ffprobePath?: string;
}

/**
 * Resolves ffmpeg and ffprobe: the configured paths, then ffmpeg-static (an ffprobe beside it is used when
 * present), then the binaries in `searchPath`. The search path defaults to the process's PATH, the same one
 * `spawn` would search: it is the operating system's lookup, not a setting of ours.
 */
export function resolveFfmpeg(
  paths: FfmpegPaths = {},
  searchPath: string = process.env.PATH ?? '',
): FfmpegBinaries {
  const { ffmpegPath, ffprobePath } = paths;
  const ffmpeg = firstFound('ffmpeg', [
    ['env', ffmpegPath],
    ['ffmpeg-static', ffmpegPath ? undefined : fromFfmpegStatic()],
    ['system', ffmpegPath ? undefined : onPath('ffmpeg', searchPath)],
  ]);
  const sibling = join(dirname(ffmpeg.path), 'ffprobe');
  const ffprobe = firstFound('ffprobe', [
    ['env', ffprobePath],
    [
      ffmpeg.source,
      !ffprobePath && ffmpeg.source !== 'system' && isExecutable(sibling) ? sibling : undefined,
    ],
    ['system', ffprobePath ? undefined : onPath('ffprobe', searchPath)],
  ]);
  return {
    ffmpeg: ffmpeg.path,
    ffprobe: ffprobe.path,
    ffmpegSource: ffmpeg.source,
    ffprobeSource: ffprobe.source,
  };
}

/** The first candidate that is set; an explicitly set path that is not executable is an error, not a skip. */
function firstFound(
  name: 'ffmpeg' | 'ffprobe',
  candidates: [BinarySource, string | undefined][],
): { path: string; source: BinarySource } {
  for (const [source, path] of candidates) {
    if (!path) continue;
    if (!isExecutable(path)) break;
    return { path, source };
  }
  throw new FfmpegNotFoundError(name);
}

let configured: FfmpegPaths = {};
let cached: FfmpegBinaries | undefined;

/**
 * Names the binaries for this process. Each entry point calls it once, before any ffmpeg runs, with the paths
 * its configuration holds: the api and its scripts pass FFMPEG_PATH / FFPROBE_PATH from api/src/config.ts,
 * the pipeline's CLI reads its own environment. Without a call, ffmpeg-static or PATH is used.
 */
export function useFfmpegBinaries(paths: FfmpegPaths): void {
  configured = { ...paths };
  cached = undefined;
}

/**
 * The binaries every run uses, resolved once per process from what useFfmpegBinaries() was given.
 *
 * fluent-ffmpeg is pointed at the same binaries, and that is its one job here: nothing in this repository runs
 * ffmpeg through it. The pipeline builds its own argument lists as plain data (ladder, HLS, poster and storyboard
 * arguments come from pure functions tested without ffmpeg, as in Immich and PeerTube; DESIGN §9) and runs them
 * through ffmpeg/run.ts, which tethers the child to this process, reads `-progress` and stops on an AbortSignal;
 * fluent-ffmpeg's builder would hide the arguments and do none of that. It remains a declared dependency (the
 * project chose it), so any code that does use it runs the binaries resolved here.
 */
export function ffmpegBinaries(): FfmpegBinaries {
  if (!cached) {
    cached = resolveFfmpeg(configured);
    ffmpeg.setFfmpegPath(cached.ffmpeg);
    ffmpeg.setFfprobePath(cached.ffprobe);
  }
  return cached;
}
