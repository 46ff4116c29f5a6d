// One progressive MP4 per clip, beside the ladder: for IIIF viewers that hand a file to the browser
// (Mirador), for link previews (og:video wants a video file) and for offline lessons (one file per clip).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { runFfmpeg } from '../ffmpeg/run.ts';
import type { MediaManifest } from '../types.ts';

type Rendition = MediaManifest['renditions'][number];
type Progressive = NonNullable<MediaManifest['progressive']>;

/**
 * The rung the file is made from: the largest whose short side is at most 480 lines. It is watched on
 * bigger screens than a phone (a Mirador pane, a classroom projector in an offline lesson), where 360p
 * looks soft, yet at the ladder's anchors it is ~1.5 Mbit/s with sound, ~11 MB a minute: a third of
 * 1080p. Main profile, which every browser and phone decodes. A source under 480 lines gives its top rung.
 */
const PROGRESSIVE_MAX_SHORT_SIDE = 480;

export function progressiveSource(renditions: readonly Rendition[]): Rendition | undefined {
  const short = (r: Rendition) => Math.min(r.width, r.height);
  const largestFirst = [...renditions].sort((a, b) => short(b) - short(a));
  return largestFirst.find((r) => short(r) <= PROGRESSIVE_MAX_SHORT_SIDE) ?? largestFirst.at(-1);
}

/**
 * A remux, not an encode: the rung's own H.264 and AAC packets (read through its media playlist, init
 * segment and fMP4 segments) copied into one MP4. A second encode in the ladder's ffmpeg process cost
 * +23 % CPU on a 20 s 720p clip; the copy costs 0.5 %. `+faststart` moves the moov box before the media
 * data, so a browser starts playing (and seeks with Range requests) before the file has arrived.
 */
export function buildProgressiveArgs(playlistPath: string, outFile: string): string[] {
  return [
    '-i',
    playlistPath,
    // The rung's picture and its sound if it has one (a silent source has none: `?`).
    '-map',
    '0:v:0',
    '-map',
    '0:a:0?',
    '-c',
    'copy',
    '-map_metadata',
    '-1',
    '-movflags',
    '+faststart',
    '-f',
    'mp4',
    outFile,
  ];
}

/** Writes <rung>.mp4 into the version folder from the rung chosen above and describes it for the manifest. */
export async function makeProgressive(
  dir: string,
  renditions: readonly Rendition[],
  durationSec: number,
  signal?: AbortSignal,
): Promise<Progressive | undefined> {
  const source = progressiveSource(renditions);
  if (!source) return undefined;
  const file = `${source.name}.mp4`;
  await runFfmpeg(buildProgressiveArgs(join(dir, source.playlist), join(dir, file)), { signal });
  const { size } = await stat(join(dir, file));
  return {
    file,
    rendition: source.name,
    width: source.width,
    height: source.height,
    bytes: size,
    bandwidth: durationSec > 0 ? Math.ceil((size * 8) / durationSec) : 0,
    codecs: source.codecs,
  };
}
