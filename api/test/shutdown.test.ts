import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobQueue } from '@artifact-stories/media-pipeline';
import { makeClip } from '@artifact-stories/media-pipeline/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { ArtifactsRepository } from '../src/repositories/artifacts.repository.ts';
import { CatalogueRepository } from '../src/repositories/catalogue.repository.ts';
import { VideosRepository } from '../src/repositories/videos.repository.ts';
import { seedReference } from '../src/services/seed.service.ts';
import { spawnServer } from './server-process.ts';
import { artifactInput } from './staff-helpers.ts';
import { waitFor } from './wait.ts';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
});

function startServer(dataDir: string): ChildProcess {
  const child = spawnServer(dataDir);
  children.push(child);
  return child;
}

describe('graceful shutdown', () => {
  it('SIGTERM mid-transcode, then restart: the job completes exactly once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'shutdown-'));
    const config = loadConfig({}, { DATA_DIR: dataDir });
    const db = openDatabase(config.dbFile);
    const repos = {
      catalogue: new CatalogueRepository(db),
      artifacts: new ArtifactsRepository(db),
      videos: new VideosRepository(db),
    };
    seedReference(repos);
    const clip = await makeClip(
      { durationSec: 16, width: 960, height: 540, fps: 30, audio: true },
      join(dataDir, 'uploads', 'clip.mp4'),
      'Shutdown',
    );
    const artifact = repos.artifacts.create(artifactInput({ slug: 'shutdown-test' }));
    const video = repos.videos.create({
      artifactId: artifact.id,
      sourcePath: clip,
      sourceName: 'clip.mp4',
      sourceSize: 1,
    });
    const queue = new JobQueue(db);
    const job = queue.enqueue('transcode', { input: clip, videoId: video.id });
    repos.videos.setStatus(video.id, 'queued', { jobId: job.id });
    repos.artifacts.setCurrentVideo(artifact.id, video.id);

    const first = startServer(dataDir);
    await waitFor(
      'the job to make progress',
      () => {
        const j = queue.get(job.id);
        return j?.state === 'running' && j.progress > 0;
      },
      60_000,
    );
    const exited = new Promise<number | null>((resolve) => first.once('exit', resolve));
    first.kill('SIGTERM');
    expect(await exited).toBe(0);
    const afterStop = queue.get(job.id);
    // Either the transcode finished within the grace period, or it went back to the queue: never half done.
    expect(['succeeded', 'queued']).toContain(afterStop?.state);

    const second = startServer(dataDir);
    await waitFor('the job to succeed', () => queue.get(job.id)?.state === 'succeeded', 120_000);
    second.kill('SIGTERM');

    const videoDir = join(config.mediaDir, video.id);
    const entries = readdirSync(videoDir);
    expect(entries.filter((e) => !e.startsWith('.'))).toHaveLength(1);
    expect(entries.filter((e) => e.startsWith('.tmp'))).toEqual([]);
    const ready = repos.videos.byId(video.id);
    expect(ready?.status).toBe('ready');
    expect(existsSync(join(videoDir, ready?.mediaVersion ?? 'x', 'master.m3u8'))).toBe(true);
    db.close();
    // Its waits add up to more than the default limit on a loaded machine (two cores shared by the whole suite):
    // a start, a grace period of 30 s, and a restart that transcodes the whole ladder again.
  }, 360_000);
});
