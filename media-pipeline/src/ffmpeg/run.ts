import { spawn } from 'node:child_process';
import { ffmpegBinaries } from './binaries.ts';
import { tethered } from './tether.ts';

export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderrTail: string,
  ) {
    super(message);
    this.name = 'FfmpegError';
  }
}

export class FfmpegAbortedError extends Error {
  constructor() {
    super('ffmpeg was cancelled');
    this.name = 'FfmpegAbortedError';
  }
}

export interface FfprobeOptions {
  /** Aborting kills the process (SIGKILL after a short SIGTERM grace) and rejects with FfmpegAbortedError. */
  signal?: AbortSignal;
}

export interface FfmpegOptions extends FfprobeOptions {
  /** Media duration in seconds: with it, progress is reported as 0–100. */
  durationSec?: number;
  onProgress?: (percent: number, outTimeSec: number) => void;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

const STDERR_TAIL = 4000;

/**
 * Runs ffmpeg with `args`: no banner, no stdin, overwrite. Progress comes from ffmpeg's own `-progress`
 * key=value stream (out_time_us), which is steadier than parsing the human-readable stats line.
 */
export function runFfmpeg(args: readonly string[], options: FfmpegOptions = {}): Promise<RunResult> {
  const wantsProgress = options.onProgress !== undefined;
  const fullArgs = [
    '-hide_banner',
    '-nostdin',
    '-y',
    ...(wantsProgress ? ['-progress', 'pipe:1', '-nostats'] : []),
    ...args,
  ];
  return run('ffmpeg', fullArgs, options, wantsProgress);
}

/** Runs ffprobe with `args` exactly as given; its stdout (JSON when asked for) is returned whole. */
export function runFfprobe(args: readonly string[], options: FfprobeOptions = {}): Promise<RunResult> {
  return run('ffprobe', [...args], options, false);
}

/** The one place that starts ffmpeg or ffprobe: tethered to this process, cancellable, stderr tail kept. */
function run(
  tool: 'ffmpeg' | 'ffprobe',
  fullArgs: string[],
  options: FfmpegOptions,
  wantsProgress: boolean,
): Promise<RunResult> {
  const bins = ffmpegBinaries();
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new FfmpegAbortedError());
    // Tethered: if this process dies, even by kill -9, the kernel kills ffmpeg too (see tether.ts).
    const command = tethered(bins[tool], fullArgs);
    const child = spawn(command.command, command.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    let lastPercent = -1;
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      child.kill('SIGTERM');
      setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 2000).unref();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (!wantsProgress) {
        stdout += chunk;
        return;
      }
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [key, value] = line.split('=');
        if (key === 'out_time_us' && value && value !== 'N/A') {
          const outTimeSec = Number(value) / 1e6;
          const percent = options.durationSec
            ? Math.max(0, Math.min(99, Math.floor((outTimeSec / options.durationSec) * 100)))
            : 0;
          if (percent !== lastPercent) {
            lastPercent = percent;
            options.onProgress?.(percent, outTimeSec);
          }
        } else if (key === 'progress' && value === 'end') {
          options.onProgress?.(100, options.durationSec ?? 0);
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL);
    });
    child.on('error', (err) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(err);
    });
    child.on('close', (code) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (aborted) return reject(new FfmpegAbortedError());
      if (code === 0) return resolve({ stdout, stderr });
      const lastLine = stderr.trim().split('\n').pop() ?? '';
      reject(new FfmpegError(`${tool} exited with ${code}: ${lastLine}`, code, stderr));
    });
  });
}
