// Records for the learning services' fake-based tests: an artifact, and a video whose manifest says only what
// publicVideo reads.
import type { ArtifactRecord } from '../../repositories/artifacts.repository.ts';
import type { MediaManifest, VideoRecord } from '../../repositories/videos.repository.ts';

export function fakeArtifact(
  id: number,
  slug: string,
  overrides: Partial<ArtifactRecord> = {},
): ArtifactRecord {
  return {
    id,
    slug,
    accessionNumber: slug.toUpperCase(),
    title: { vi: `Tên ${slug}`, en: `Title ${slug}` },
    story: { vi: '', en: '' },
    category: 'textile',
    material: { vi: '', en: '' },
    region: { vi: '', en: '' },
    featured: false,
    status: 'published',
    ethnicGroups: ['thai'],
    currentVideoId: `video-${slug}`,
    createdAt: 0,
    updatedAt: 0,
    publishedAt: 0,
    ...overrides,
  };
}

/** A ready video of `durationSec` (status 'failed' or no manifest: nothing on show). */
export function fakeFilm(id: string, durationSec: number, overrides: Partial<VideoRecord> = {}): VideoRecord {
  const manifest = {
    master: 'master.m3u8',
    probe: { durationSec, video: { displayWidth: 640, displayHeight: 360 } },
    poster: { jpeg: [{ width: 320, height: 180, file: `poster-${id}.jpg` }], webp: [] },
    storyboard: null,
    captions: [],
    renditions: [],
  } as unknown as MediaManifest;
  return {
    id,
    artifactId: 0,
    sourcePath: null,
    sourceName: null,
    sourceSize: null,
    status: 'ready',
    error: null,
    errorVi: null,
    jobId: null,
    mediaVersion: 'v1',
    manifest,
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}
