import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalStore, type MediaManifest } from '@artifact-stories/media-pipeline';
import type { RunningSite } from './app.ts';

// The browser tests need a ready film, not a fresh encode: the same clip and captions through the same pipeline
// code make the same version, so one real transcode is kept under the OS temp folder and later files (and
// later runs) publish a copy of it. Tests about the transcode itself never come through here: they call the
// pipeline (media-pipeline/test) or drive the upload screens (journey.test.ts). TEST_MEDIA_CACHE=off encodes
// every clip afresh.
const CACHE = join(tmpdir(), 'artifact-stories-test-media');
const PIPELINE_SRC = join(import.meta.dirname, '../../../media-pipeline/src');
const MANIFEST = 'manifest.json';

export const mediaCacheOn = () => process.env.TEST_MEDIA_CACHE !== 'off';

let pipelineHash: string | undefined;

/** Every source file of the pipeline: a change to how versions are made is a new key, so no stale media. */
function pipelineCode(): string {
  if (pipelineHash) return pipelineHash;
  const hash = createHash('sha256');
  const files = readdirSync(PIPELINE_SRC, { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && !f.name.endsWith('.test.ts'))
    .map((f) => join(f.parentPath, f.name))
    .sort();
  for (const file of files) hash.update(file.slice(PIPELINE_SRC.length)).update(readFileSync(file));
  pipelineHash = hash.digest('hex');
  return pipelineHash;
}

/** The key of a transcode: the source's bytes, each caption file's language and bytes, the pipeline's code. */
export function transcodeKey(file: string, captions: { vi?: string; en?: string }): string {
  const hash = createHash('sha256').update(pipelineCode()).update(readFileSync(file));
  for (const [lang, path] of Object.entries(captions).sort()) {
    if (path) hash.update(`\n${lang}\n`).update(readFileSync(path));
  }
  return hash.digest('hex').slice(0, 32);
}

/**
 * Publishes the kept version of `key` as `videoId`'s media, the way a finished transcode is (the store's own
 * publish, then the catalogue's `markReady`). False when nothing is kept under that key.
 */
export async function publishCached(site: RunningSite, videoId: string, key: string): Promise<boolean> {
  const kept = join(CACHE, key);
  if (!existsSync(join(kept, MANIFEST))) return false;
  const manifest = JSON.parse(readFileSync(join(kept, MANIFEST), 'utf8')) as MediaManifest;
  const store = new LocalStore(site.app.config.mediaDir);
  const dir = join(store.scratchDir(videoId), `.cached-${manifest.version}`);
  cpSync(kept, dir, { recursive: true });
  await store.publishVersion({ dir, videoId, version: manifest.version });
  site.app.repos.videos.markReady(videoId, manifest.version, manifest);
  return true;
}

/** Keeps the version the worker made for `videoId` under `key`; a copy kept meanwhile by another file wins. */
export function keepVersion(site: RunningSite, videoId: string, key: string): void {
  const version = site.app.repos.videos.byId(videoId)?.mediaVersion;
  if (!version || existsSync(join(CACHE, key))) return;
  const partial = join(CACHE, `.partial-${key}-${process.pid}`);
  mkdirSync(CACHE, { recursive: true });
  cpSync(join(site.app.config.mediaDir, videoId, version), partial, { recursive: true });
  try {
    // rename(2) is atomic: another file reads no folder or the whole one.
    renameSync(partial, join(CACHE, key));
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
}
