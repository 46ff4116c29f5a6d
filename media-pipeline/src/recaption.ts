// A caption change without an encode: a new version folder whose media files are hard links to the current
// version's (same inodes, no bytes copied), with only the captions, their playlists, the master and the
// manifest written anew, published by the same atomic rename as a transcode. A 20 s clip takes milliseconds
// instead of the 40–55 s of a re-transcode. The old version is untouched, so players on it keep going.
import { copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { writeCaptionRenditions } from './captions/renditions.ts';
import { buildMaster } from './hls/master.ts';
import type { CaptionInput, MediaManifest, TranscodeResult } from './types.ts';
import { MANIFEST_NAME, MASTER_NAME, makeTempFolder, newVersion } from './version-folder.ts';

export interface RecaptionOptions {
  /** media/<videoId>, holding the version to start from. */
  videoDir: string;
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
 * Paths are relative to the folder, '/'-separated, as `filesUnder` lists them.
 */
export function planRelink(files: readonly string[]): string[] {
  return files.filter((f) => f !== MASTER_NAME && f !== MANIFEST_NAME && !f.startsWith('captions/'));
}

export async function recaption({
  videoDir,
  fromVersion,
  captions,
}: RecaptionOptions): Promise<RecaptionResult> {
  const started = performance.now();
  const from = join(videoDir, fromVersion);
  const previous = JSON.parse(await readFile(join(from, MANIFEST_NAME), 'utf8')) as MediaManifest;
  const version = newVersion(Date.now(), fromVersion);
  const tmp = await makeTempFolder(videoDir, version);
  try {
    // Captions first, as in a transcode: a bad file is refused before anything else is done.
    const written = await writeCaptionRenditions(captions, previous.probe.durationSec, tmp);
    let linked = 0;
    let copied = 0;
    for (const file of planRelink(await filesUnder(from))) {
      const target = join(tmp, file);
      await mkdir(dirname(target), { recursive: true });
      if (await linkOrCopy(join(from, file), target)) linked++;
      else copied++;
    }
    await writeFile(join(tmp, MASTER_NAME), buildMaster(previous.renditions, written));
    const manifest: MediaManifest = {
      ...previous,
      version,
      createdAt: new Date().toISOString(),
      captions: written,
    };
    await writeFile(join(tmp, MANIFEST_NAME), `${JSON.stringify(manifest, null, 2)}\n`);
    const dir = join(videoDir, version);
    await rename(tmp, dir);
    return { version, dir, manifest, wallMs: performance.now() - started, linked, copied };
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** True when linked. A version folder never changes, so sharing inodes between versions is safe. */
async function linkOrCopy(source: string, target: string): Promise<boolean> {
  try {
    await link(source, target);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await copyFile(source, target);
    return false;
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}
