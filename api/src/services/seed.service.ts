import { existsSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { makeClip } from '@artifact-stories/media-pipeline';
import {
  type ArtifactFixture,
  fixturePath,
  loadArtifacts,
  loadExhibitions,
} from '../../../fixtures/catalogue.ts';
import type { CatalogueRepositories, Repositories } from '../repositories/index.ts';
import { captionLabel, defaultKind } from './caption-language.ts';
import { syncReference } from './reference.service.ts';
import type { VideoJobs } from './video-jobs.ts';

export type SeedProgress = (message: string) => void;

/** Kept for callers that seed by hand; every app start already does this (syncReference). */
export function seedReference(repos: CatalogueRepositories): void {
  syncReference(repos.catalogue);
}

/**
 * Fixture artifacts, and the exhibitions made of them, go into an empty catalogue only, so restarting (or staff
 * deleting one) never brings back or duplicates anything. Returns how many artifacts were created.
 */
export function seedArtifacts(repos: CatalogueRepositories & Pick<Repositories, 'exhibitions'>): number {
  if (repos.artifacts.count() > 0) return 0;
  const fixtures = loadArtifacts();
  for (const a of fixtures) {
    repos.artifacts.create(
      {
        slug: a.slug,
        accessionNumber: a.accessionNumber,
        title: a.title,
        story: a.story,
        category: a.category,
        material: a.material,
        region: a.region,
        featured: a.featured,
        ethnicGroups: a.ethnicGroups,
      },
      a.status,
    );
  }
  seedExhibitions(repos);
  return fixtures.length;
}

/** The sample exhibitions, their items pointing at the artifacts just created. */
function seedExhibitions(repos: Pick<Repositories, 'artifacts' | 'exhibitions'>): void {
  const idOf = (slug: string) => {
    const record = repos.artifacts.bySlug(slug);
    if (!record) throw new Error(`Fixture exhibition item "${slug}" names no artifact`);
    return record.id;
  };
  for (const e of loadExhibitions()) {
    repos.exhibitions.create(
      {
        slug: e.slug,
        title: e.title,
        intro: e.intro,
        coverArtifactId: idOf(e.cover),
        items: e.items.map((item) => ({
          artifactId: idOf(item.artifact),
          startSec: item.startSec ?? null,
          endSec: item.endSec ?? null,
          text: item.text,
        })),
      },
      e.status,
    );
  }
}

/**
 * A clip on this disk stored as a new video of an artifact, the way a staff upload is: the source (copied into the
 * bucket when there is one) and the WebVTT files saved as its captions. Returns the video's id.
 */
export async function storeVideo(
  repos: CatalogueRepositories & Pick<Repositories, 'staffFiles'>,
  artifactId: number,
  file: string,
  captions: { vi?: string; en?: string } = {},
): Promise<string> {
  const video = repos.videos.create({
    artifactId,
    sourcePath: file,
    sourceName: basename(file),
    sourceSize: statSync(file).size,
  });
  repos.videos.moveSource(video.id, file, await repos.staffFiles.adoptSource(file, video.id));
  for (const [lang, source] of Object.entries(captions)) {
    if (!source) continue;
    repos.videos.upsertCaption({
      videoId: video.id,
      lang,
      label: captionLabel(lang),
      path: await repos.staffFiles.writeCaption(video.id, lang, await repos.staffFiles.readCaption(source)),
      kind: defaultKind(lang),
      source: 'human',
    });
  }
  return video.id;
}

/**
 * A clip on this disk becomes an artifact's video the way a staff upload ends (storeVideo), its transcode queued and
 * the artifact shown with it. For the seed, and for tests that need a film without driving the upload screens.
 */
export async function attachVideo(
  repos: CatalogueRepositories & Pick<Repositories, 'staffFiles'>,
  videoJobs: Pick<VideoJobs, 'enqueueTranscode'>,
  artifactId: number,
  file: string,
  captions: { vi?: string; en?: string } = {},
): Promise<string> {
  const videoId = await storeVideo(repos, artifactId, file, captions);
  videoJobs.enqueueTranscode(videoId);
  repos.artifacts.setCurrentVideo(artifactId, videoId);
  return videoId;
}

/**
 * Gives each fixture artifact that has no video yet a generated clip (title card, movement, tone) and
 * queues its transcode. Clips are made here, never committed. Safe to run again after a crash: an
 * artifact that already has a video is skipped.
 */
export async function seedClips(
  repos: CatalogueRepositories & Pick<Repositories, 'staffFiles'>,
  videoJobs: Pick<VideoJobs, 'enqueueTranscode'>,
  uploadDir: string,
  progress: SeedProgress = () => {},
): Promise<number> {
  const pending: ArtifactFixture[] = loadArtifacts().filter((a) => {
    const record = repos.artifacts.bySlug(a.slug);
    return record && !record.currentVideoId;
  });
  let done = 0;
  for (const fixture of pending) {
    const record = repos.artifacts.bySlug(fixture.slug);
    if (!record || record.currentVideoId) continue;
    const file = join(uploadDir, 'fixtures', `${fixture.slug}.mp4`);
    progress(`Seeding clips ${done + 1}/${pending.length}: ${fixture.slug}`);
    if (!existsSync(file)) await makeClip(fixture.clip, file, fixture.title.vi);
    const { vi, en } = fixture.captions ?? {};
    await attachVideo(repos, videoJobs, record.id, file, {
      vi: vi && fixturePath(vi),
      en: en && fixturePath(en),
    });
    done++;
  }
  if (pending.length) progress(`Seeding clips done: ${done} queued for transcoding`);
  return done;
}
