// One clip in, one finished version folder out: probe, plan, encode every rung in one ffmpeg run, add
// poster, storyboard and captions, then hand the folder to the store. Nothing half-done stays.
import { rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeCaptionRenditions } from './captions/renditions.ts';
import { FfmpegAbortedError, runFfmpeg } from './ffmpeg/run.ts';
import { buildHlsArgs, PLAYLIST_NAME, SEGMENT_SEC } from './hls/args.ts';
import { buildMaster, type MasterRendition } from './hls/master.ts';
import { measureRendition } from './hls/playlist.ts';
import { makePoster } from './images/poster.ts';
import { makeStoryboard } from './images/storyboard.ts';
import { type LadderOptions, planAudioOnly, planLadder } from './ladder/ladder.ts';
import { type ProbeLimits, probeMedia } from './probe/probe.ts';
import { makeProgressive } from './progressive/progressive.ts';
import { LocalStore } from './storage/local.ts';
import type { MediaStore } from './storage/store.ts';
import type { MediaManifest, TranscodeOptions, TranscodeResult } from './types.ts';
import { MANIFEST_NAME, MASTER_NAME, makeTempFolder, newVersion } from './version-folder.ts';

/** Share of the progress bar the encode gets; poster, storyboard and captions share the rest. */
const ENCODE_SHARE = 90;

/** Extra knobs for tests and benchmarks; the api uses the defaults. */
export interface TranscodeTuning {
  limits?: Partial<ProbeLimits>;
  ladder?: LadderOptions;
  /** Called with the encode's own wall time, for the benchmark. */
  onEncoded?: (encodeMs: number) => void;
}

export async function transcode(options: TranscodeOptions & TranscodeTuning): Promise<TranscodeResult> {
  const started = performance.now();
  const { input, signal } = options;
  // Without a store, the folder given is the video's folder in a media folder of its own.
  const store = options.store ?? new LocalStore(dirname(options.videoDir));
  const videoId = basename(options.videoDir);
  const videoDir = store.scratchDir(videoId);
  const report = options.onProgress ?? (() => {});
  report(0, 'probe');
  const probe = await probeMedia(input, options.limits, signal);
  options.onProbed?.(probe);
  const rungs = planLadder(probe, options.ladder);
  const audioOnly = planAudioOnly(probe);
  const version = newVersion();
  const tmp = await makeTempFolder(videoDir, version);
  try {
    // Captions first: a bad caption file is refused before minutes of encoding, not after.
    const captions = await writeCaptionRenditions(options.captions ?? [], probe.durationSec, tmp);
    throwIfAborted(signal);
    report(0, 'encode');
    const encodeStart = performance.now();
    const args = buildHlsArgs({ input, probe, rungs, audioOnly, outDir: tmp, segmentSec: SEGMENT_SEC });
    await runFfmpeg(args, {
      signal,
      durationSec: probe.durationSec,
      onProgress: (p) => report(Math.min(ENCODE_SHARE, Math.floor((p * ENCODE_SHARE) / 100)), 'encode'),
    });
    options.onEncoded?.(performance.now() - encodeStart);
    report(ENCODE_SHARE, 'poster');
    const poster = await makePoster(input, probe, tmp, signal);
    report(ENCODE_SHARE + 4, 'storyboard');
    const storyboard = await makeStoryboard(input, probe, tmp, signal);
    report(ENCODE_SHARE + 8, 'playlists');
    const renditions: MasterRendition[] = [];
    for (const r of rungs) {
      const playlist = `${r.name}/${PLAYLIST_NAME}`;
      const m = await measureRendition(join(tmp, playlist), { video: true, audio: probe.audio !== null });
      renditions.push({
        name: r.name,
        width: r.width,
        height: r.height,
        fps: r.fps,
        bandwidth: m.peakBps,
        averageBandwidth: m.averageBps,
        codecs: m.codecs,
        playlist,
      });
    }
    await writeFile(join(tmp, MASTER_NAME), buildMaster(renditions, captions));
    const audio = audioOnly && (await measureAudioOnly(tmp, audioOnly.name));
    report(ENCODE_SHARE + 9, 'progressive');
    const progressive = await makeProgressive(tmp, renditions, probe.durationSec, signal);
    const manifest: MediaManifest = {
      version,
      master: MASTER_NAME,
      createdAt: new Date().toISOString(),
      probe,
      renditions,
      ...(audio ? { audioOnly: audio } : {}),
      ...(progressive ? { progressive } : {}),
      segmentDurationSec: SEGMENT_SEC,
      poster,
      storyboard,
      captions,
    };
    await writeFile(join(tmp, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    throwIfAborted(signal);
    // A folder is renamed into place; a bucket gets every file, the manifest last (storage/store.ts).
    await store.publishVersion({ dir: tmp, videoId, version }, MANIFEST_NAME);
    report(100, 'done');
    return {
      version,
      dir: versionWhere(store, videoId, version),
      manifest,
      wallMs: performance.now() - started,
    };
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

async function measureAudioOnly(dir: string, name: string): Promise<MediaManifest['audioOnly']> {
  const playlist = `${name}/${PLAYLIST_NAME}`;
  const m = await measureRendition(join(dir, playlist), { video: false, audio: true });
  return { name, bandwidth: m.peakBps, averageBandwidth: m.averageBps, codecs: m.codecs, playlist };
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new FfmpegAbortedError();
}

/** The version's folder for a local store; for a bucket, where its objects are (for logs). */
export function versionWhere(store: MediaStore, videoId: string, version: string): string {
  return store instanceof LocalStore
    ? join(store.scratchDir(videoId), version)
    : `${store.where} ${videoId}/${version}/`;
}
