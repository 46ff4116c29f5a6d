import { statSync } from 'node:fs';
import { join } from 'node:path';
import { makeClip } from '@artifact-stories/media-pipeline/testing';
import type { RunningSite } from './app.ts';

/**
 * Puts one published artifact with a generated clip on the site, the way the seed does (video record,
 * transcode job, current video), and waits until the worker has made it playable. For benchmarks that need
 * a ready page without driving the staff screens.
 */
export async function publishClip(
  site: RunningSite,
  slug: string,
  durationSec = 8,
  size: { width: number; height: number } = { width: 1280, height: 720 },
): Promise<void> {
  const { repos, queue } = site.app;
  const record = repos.artifacts.create(
    {
      slug,
      accessionNumber: `BENCH-${slug}`,
      title: { vi: `Khèn H'Mông (${slug})`, en: `Hmong khèn (${slug})` },
      story: { vi: 'Cây khèn làm từ sáu ống trúc.', en: 'The khèn is made of six bamboo pipes.' },
      category: 'musical-instrument',
      material: { vi: 'Trúc, gỗ', en: 'Bamboo, wood' },
      region: { vi: 'Hà Giang', en: 'Hà Giang' },
      featured: true,
      ethnicGroups: ['hmong'],
    },
    'published',
  );
  const file = join(site.dataDir, 'uploads', 'bench', `${slug}.mp4`);
  await makeClip({ durationSec, ...size, fps: 25, audio: true }, file, slug);
  const video = repos.videos.create({
    artifactId: record.id,
    sourcePath: file,
    sourceName: `${slug}.mp4`,
    sourceSize: statSync(file).size,
  });
  const job = queue.enqueue('transcode', { input: file, videoId: video.id });
  repos.videos.setStatus(video.id, 'queued', { jobId: job.id });
  repos.artifacts.setCurrentVideo(record.id, video.id);
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    const response = await fetch(new URL(`/api/artifacts/${slug}`, site.url));
    if (response.ok && ((await response.json()) as { video: unknown }).video) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The clip of ${slug} was not ready within 5 minutes: see the job's error in the database.`);
}
