// A transcode builds its version in media/<video>/.tmp-*, renamed into place when complete. A worker killed
// mid-build (kill -9, OOM, power) leaves that folder behind, tens of MB each: the worker's start sweeps them.
import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export const TEMP_PREFIX = '.tmp-';

/**
 * Removes every media/<video>/.tmp-* folder except under the given video folders (those of jobs a live
 * worker is still running). Returns the removed paths. A missing media folder has nothing to sweep.
 */
export async function removeStaleTempFolders(
  mediaDir: string,
  busyVideoDirs: Iterable<string>,
): Promise<string[]> {
  const busy = new Set([...busyVideoDirs].map((dir) => resolve(dir)));
  const removed: string[] = [];
  const videos = await readdir(mediaDir, { withFileTypes: true }).catch(() => []);
  for (const video of videos) {
    const videoDir = join(mediaDir, video.name);
    if (!video.isDirectory() || busy.has(resolve(videoDir))) continue;
    for (const entry of await readdir(videoDir, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory() || !entry.name.startsWith(TEMP_PREFIX)) continue;
      const path = join(videoDir, entry.name);
      await rm(path, { recursive: true, force: true });
      removed.push(path);
    }
  }
  return removed;
}
