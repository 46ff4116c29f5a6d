import { JobQueue, useFfmpegBinaries, Worker } from '@artifact-stories/media-pipeline';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { ArtifactsRepository } from '../repositories/artifacts.repository.ts';
import { CatalogueRepository } from '../repositories/catalogue.repository.ts';
import { VideosRepository } from '../repositories/videos.repository.ts';
import { createVideoJobs } from '../services/video-jobs.ts';

// `npm run worker`: transcodes apart from the api (start the api with WORKER=off), sharing DATA_DIR.
try {
  const config = loadConfig();
  useFfmpegBinaries({ ffmpegPath: config.FFMPEG_PATH, ffprobePath: config.FFPROBE_PATH });
  const db = openDatabase(config.dbFile);
  const queue = new JobQueue(db);
  const repos = {
    catalogue: new CatalogueRepository(db),
    artifacts: new ArtifactsRepository(db),
    videos: new VideosRepository(db),
  };
  const log = (msg: string, fields?: Record<string, unknown>) =>
    console.log(msg, fields ? JSON.stringify(fields) : '');
  const videoJobs = createVideoJobs({ queue, repos, mediaDir: config.mediaDir, log });
  const worker = new Worker({
    queue,
    handlers: videoJobs.handlers,
    onJobEnd: videoJobs.onJobEnd,
    sweep: videoJobs.sweep,
    log,
  });
  worker.start();
  console.log(`worker started on ${config.dbFile}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      console.log(`${signal}: stopping (the running job finishes or goes back to the queue)`);
      await worker.stop({ graceMs: 30_000 });
      db.close();
      process.exit(0);
    });
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `error: ${(err as Error).message}`);
  process.exit(1);
}
