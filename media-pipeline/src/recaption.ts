// A caption change without an encode: a new version folder whose media files are hard links to the current
// version's (same inodes, no bytes copied), with only the captions, their playlists, the master and the
// manifest written anew, published by the same atomic rename as a transcode. A 20 s clip takes milliseconds
// instead of the 40–55 s of a re-transcode. The old version is untouched, so players on it keep going.
import { rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { text } from 'node:stream/consumers';
import { writeCaptionRenditions } from './captions/renditions.ts';
import { buildMaster } from './hls/master.ts';
import { LocalStore } from './storage/local.ts';
import type { MediaStore } from './storage/store.ts';
import { versionWhere } from './transcode.ts';
import type { CaptionInput, MediaManifest, TranscodeResult } from './types.ts';
import { MANIFEST_NAME, MASTER_NAME, makeTempFolder, newVersion } from './version-folder.ts';

export interface RecaptionOptions {
  /** media/<videoId>, holding the version to start from (with `store`: only its name, the video's id, counts). */
  videoDir: string;
  /** Where the versions are; without it, the folder above `videoDir`. */
  store?: MediaStore;
  /** The version on show: its media is reused as it is. */
  fromVersion: string;
  /** Every caption the new version has (an empty list removes them all). */
  captions: CaptionInput[];
}

export interface RecaptionResult extends TranscodeResult {
  /** Files shared with the previous version by hard link... */
  linked: number;
  /** ...and those copied because the link failed with EXDEV (the folder spans two filesystems). */
  copied: number;
}

/**
 * Which files of a version folder the new version shares: everything but what a caption change rewrites.
 * Paths are relative to the folder, '/'-separated, as `MediaStore.list` gives them.
 */
export function planRelink(files: readonly string[]): string[] {
  return files.filter((f) => f !== MASTER_NAME && f !== MANIFEST_NAME && !f.startsWith('captions/'));
}

export async function recaption({
  videoDir,
  store = new LocalStore(dirname(videoDir)),
  fromVersion,
  captions,
}: RecaptionOptions): Promise<RecaptionResult> {
  const started = performance.now();
  const videoId = basename(videoDir);
  const from = `${videoId}/${fromVersion}/`;
  const stored = await store.read(`${from}${MANIFEST_NAME}`);
  if (!stored) throw new Error(`Version ${fromVersion} of video ${videoId} is not in ${store.where}.`);
  const previous = JSON.parse(await text(stored.body)) as MediaManifest;
  const shared = planRelink((await store.list(from)).map((e) => e.key.slice(from.length)));
  const version = newVersion(Date.now(), fromVersion);
  const tmp = await makeTempFolder(store.scratchDir(videoId), version);
  try {
    // Captions first, as in a transcode: a bad file is refused before anything else is done.
    const written = await writeCaptionRenditions(captions, previous.probe.durationSec, tmp);
    await writeFile(join(tmp, MASTER_NAME), buildMaster(previous.renditions, written));
    const manifest: MediaManifest = {
      ...previous,
      version,
      createdAt: new Date().toISOString(),
      captions: written,
    };
    await writeFile(join(tmp, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    // The shared media is linked (a folder) or copied inside the bucket, never re-encoded.
    const { linked, copied } = await store.publishVersion(
      { dir: tmp, videoId, version, reuse: { fromVersion, files: shared } },
      MANIFEST_NAME,
    );
    const dir = versionWhere(store, videoId, version);
    return { version, dir, manifest, wallMs: performance.now() - started, linked, copied };
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
