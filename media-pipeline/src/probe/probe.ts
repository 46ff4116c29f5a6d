// The probe's I/O: two ffprobe passes (headers, then a packet count) through the one ffmpeg runner.
import { open, stat } from 'node:fs/promises';
import { FfmpegError, runFfprobe } from '../ffmpeg/run.ts';
import type { ProbeResult } from '../types.ts';
import { MediaValidationError, refuse } from './errors.ts';
import {
  checkComplete,
  checkPixelRate,
  DEFAULT_LIMITS,
  type FfprobeJson,
  interpretHeaders,
  type ProbeLimits,
  videoDurationOf,
} from './interpret.ts';

export { MediaValidationError } from './errors.ts';
export type { ProbeLimits } from './interpret.ts';

/** Probes and validates a source clip; throws MediaValidationError with an editor-readable message. */
export async function probeMedia(
  file: string,
  limits: Partial<ProbeLimits> = {},
  signal?: AbortSignal,
): Promise<ProbeResult> {
  const sizeBytes = await stat(file).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (sizeBytes < 0) throw refuse.missing(file);
  if (sizeBytes === 0) throw refuse.empty();
  const headers = await ffprobe(['-show_streams', '-show_format', file], signal, await startsLikeMp4(file));
  const allLimits = { ...DEFAULT_LIMITS, ...limits };
  const result = interpretHeaders(headers.json, sizeBytes, allLimits);
  if (result instanceof MediaValidationError) throw result;
  // Demuxing only (no decoding) reads every packet quickly, even for a long clip.
  const counted = await ffprobe(
    ['-count_packets', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_packets', file],
    signal,
  );
  const packets = Number(counted.json.streams?.[0]?.nb_read_packets ?? 0);
  const incomplete = checkComplete(result, packets, counted.stderr, videoDurationOf(headers.json));
  if (incomplete) throw incomplete;
  if (result.video.frameCount === null) result.video.frameCount = packets;
  const tooCostly = checkPixelRate(result, allLimits);
  if (tooCostly) throw tooCostly;
  return result;
}

/** An MP4/MOV file opens with an 'ftyp' box; noise named .mp4 makes ffprobe say 'moov not found' too. */
async function startsLikeMp4(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    return bytesRead === 8 && buffer.subarray(4, 8).toString('latin1') === 'ftyp';
  } finally {
    await handle.close();
  }
}

async function ffprobe(
  args: string[],
  signal?: AbortSignal,
  isMp4 = false,
): Promise<{ json: FfprobeJson; stderr: string }> {
  try {
    const { stdout, stderr } = await runFfprobe(['-v', 'error', '-print_format', 'json', ...args], {
      signal,
    });
    return { json: JSON.parse(stdout) as FfprobeJson, stderr };
  } catch (err) {
    if (!(err instanceof FfmpegError)) throw err;
    // An mp4 whose index (moov) sits at the end and never arrived: the classic interrupted upload.
    if (isMp4 && /moov atom not found/i.test(err.stderrTail)) throw refuse.truncatedNoIndex();
    throw refuse.notMedia();
  }
}
