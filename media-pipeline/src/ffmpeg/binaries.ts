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

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
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

/**
 * Resolves ffmpeg and ffprobe: environment (FFMPEG_PATH / FFPROBE_PATH), then ffmpeg-static
 * (an ffprobe beside it is used when present), then the binaries on PATH.
 */
export function resolveFfmpeg(env: NodeJS.ProcessEnv = process.env): FfmpegBinaries {
  const ffmpeg = firstFound('ffmpeg', [
    ['env', env.FFMPEG_PATH],
    ['ffmpeg-static', env.FFMPEG_PATH ? undefined : fromFfmpegStatic()],
    ['system', env.FFMPEG_PATH ? undefined : onPath('ffmpeg', env)],
  ]);
  const sibling = join(dirname(ffmpeg.path), 'ffprobe');
  const ffprobe = firstFound('ffprobe', [
    ['env', env.FFPROBE_PATH],
    [
      ffmpeg.source,
      !env.FFPROBE_PATH && ffmpeg.source !== 'system' && isExecutable(sibling) ? sibling : undefined,
    ],
    ['system', env.FFPROBE_PATH ? undefined : onPath('ffprobe', env)],
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

let cached: FfmpegBinaries | undefined;

/** Resolves once per process and points fluent-ffmpeg at the same binaries. */
export function ffmpegBinaries(): FfmpegBinaries {
  if (!cached) {
    cached = resolveFfmpeg();
    ffmpeg.setFfmpegPath(cached.ffmpeg);
    ffmpeg.setFfprobePath(cached.ffprobe);
  }
  return cached;
}
