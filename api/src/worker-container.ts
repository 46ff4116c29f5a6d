import { BullQueueEngine, useFfmpegBinaries, Worker } from '@artifact-stories/media-pipeline';
import type { Config } from './config.ts';
import { jobLogger, type Logger } from './logger.ts';
import { createStaffFiles } from './repositories/index.ts';
import { createMediaStore } from './repositories/media-store.ts';
import { prepareDataFolders } from './repositories/ops/data-folders.ts';
import { createVideoJobHandlers } from './services/video-job-handlers.ts';

/**
 * A transcode worker on the queue engine (QUEUE_URL): the composition of `npm run worker` on Redis. It opens no
 * catalogue: each job's payload names its source and caption files, which it fetches from the storage (the
 * bucket with S3_BUCKET, else the shared DATA_DIR), builds the version into that storage, and leaves the result
 * on the queue for the api to apply. So a worker on another machine needs QUEUE_URL and the storage settings.
 */
export function createRemoteWorker(config: Config, { log }: { log: Logger }) {
  if (!config.QUEUE_URL) throw new Error('A worker without the catalogue needs QUEUE_URL (the Redis queue).');
  useFfmpegBinaries({ ffmpegPath: config.FFMPEG_PATH, ffprobePath: config.FFPROBE_PATH });
  prepareDataFolders(config);
  const media = createMediaStore(config);
  const inputs = createStaffFiles(config, media);
  const jobLog = jobLogger(log);
  const jobs = createVideoJobHandlers({ store: media.store, inputs, log: jobLog });
  const engine = new BullQueueEngine({ url: config.QUEUE_URL });
  const worker = new Worker({ queue: engine, handlers: jobs.handlers, sweep: jobs.sweep, log: jobLog });
  return {
    worker,
    async close(): Promise<void> {
      await engine.close();
    },
  };
}
