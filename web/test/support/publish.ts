import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type ClipRecipe, makeClip } from '@artifact-stories/media-pipeline/testing';
import { storeVideo } from '../../../api/src/services/seed.service.ts';
import type { RunningSite } from './app.ts';
import { keepVersion, mediaCacheOn, publishCached, transcodeKey } from './media-cache.ts';

/**
 * Gives an artifact a video made from `file`, the way the seed does (storeVideo: video record, source and caption
 * files; then the transcode job and current video), and waits until the worker has made it ready. Captions are
 * WebVTT files by language. For tests that need a playable film without driving the upload screens; a clip and
 * captions transcoded before (by this run or an earlier one) are published from the media cache instead
 * (media-cache.ts). Returns the video's id.
 */
export async function attachClip(
  site: RunningSite,
  artifactId: number,
  file: string,
  captions: { vi?: string; en?: string } = {},
): Promise<string> {
  const { repos, videoJobs } = site.app;
  const videoId = await storeVideo(repos, artifactId, file, captions);
  const key = mediaCacheOn() ? transcodeKey(file, captions) : undefined;
  if (key && (await publishCached(site, videoId, key))) {
    repos.artifacts.setCurrentVideo(artifactId, videoId);
    return videoId;
  }
  videoJobs.enqueueTranscode(videoId);
  repos.artifacts.setCurrentVideo(artifactId, videoId);
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const status = repos.videos.byId(videoId)?.status;
    if (status === 'ready') {
      if (key) keepVersion(site, videoId, key);
      return videoId;
    }
    if (status === 'failed') throw new Error(`The clip ${file} failed to transcode: see the job's error.`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The clip ${file} was not ready within 5 minutes: see the job's error in the database.`);
}

/** A generated clip in the site's upload folder, made once per name: tests that share a recipe share the file. */
export async function siteClip(site: RunningSite, name: string, recipe: ClipRecipe, title = name) {
  const file = join(site.dataDir, 'uploads', 'test-clips', `${name}.mp4`);
  if (!existsSync(file)) await makeClip(recipe, file, title);
  return file;
}

/**
 * An artifact of the H'Mông khèn under `slug`, with an accession number of its own: a test's own starting point,
 * so that no test needs what another one created. A draft unless told otherwise.
 */
export function createArtifact(
  site: RunningSite,
  slug: string,
  options: { title?: { vi: string; en: string }; status?: 'draft' | 'published'; featured?: boolean } = {},
) {
  return site.app.repos.artifacts.create(
    {
      slug,
      accessionNumber: `BENCH-${slug}`,
      title: options.title ?? { vi: `Khèn H'Mông (${slug})`, en: `Hmong khèn (${slug})` },
      story: { vi: 'Cây khèn làm từ sáu ống trúc.', en: 'The khèn is made of six bamboo pipes.' },
      category: 'musical-instrument',
      material: { vi: 'Trúc, gỗ', en: 'Bamboo, wood' },
      region: { vi: 'Hà Giang', en: 'Hà Giang' },
      featured: options.featured ?? false,
      ethnicGroups: ['hmong'],
    },
    options.status ?? 'draft',
  );
}

/**
 * Puts one published artifact with a generated clip on the site and waits until it plays. For tests and
 * benchmarks that need a ready page without driving the staff screens.
 */
export async function publishClip(
  site: RunningSite,
  slug: string,
  durationSec = 8,
  size: { width: number; height: number } = { width: 1280, height: 720 },
): Promise<void> {
  const record = createArtifact(site, slug, { status: 'published', featured: true });
  const file = await siteClip(site, slug, { durationSec, ...size, fps: 25, audio: true });
  await attachClip(site, record.id, file);
}
