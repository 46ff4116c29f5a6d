// What every version folder shares, whoever builds it (a transcode, a caption change): its name, the names of
// the two files that describe it, and the temp folder it is built in before the rename that publishes it.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TEMP_PREFIX } from './temp-folders.ts';

export const MASTER_NAME = 'master.m3u8';
export const MANIFEST_NAME = 'manifest.json';

/**
 * 'v' + base36 milliseconds: sortable, short, and a new name for every run (so caching forever is safe).
 * `after` is the version being replaced: a caption change within the same millisecond still sorts after it.
 */
export function newVersion(now = Date.now(), after?: string): string {
  const floor = after ? Number.parseInt(after.slice(1), 36) + 1 : 0;
  return `v${Math.max(now, Number.isFinite(floor) ? floor : 0).toString(36)}`;
}

/** media/<video>/.tmp-<version>-<random>: hidden from the media routes, swept if the worker dies. */
export async function makeTempFolder(videoDir: string, version: string): Promise<string> {
  await mkdir(videoDir, { recursive: true });
  const tmp = join(videoDir, `${TEMP_PREFIX}${version}-${randomBytes(4).toString('hex')}`);
  await mkdir(tmp);
  return tmp;
}
