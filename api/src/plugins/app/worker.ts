import { Worker } from '@artifact-stories/media-pipeline';
import fp from 'fastify-plugin';
import { createVideoJobs } from '../../services/video-jobs.ts';

/**
 * Decorates `videoJobs` (enqueue a transcode) and, with WORKER=inline (the default), runs the transcode worker in
 * the api process. With WORKER=off a separate `npm run worker` takes the jobs from the same database.
 */
export default fp(
  async (app) => {
    const log = (msg: string, fields?: Record<string, unknown>) => app.log.info(fields ?? {}, msg);
    const videoJobs = createVideoJobs({
      queue: app.queue,
      repos: app.repos,
      mediaDir: app.config.mediaDir,
      log,
    });
    app.decorate('videoJobs', videoJobs);
    if (app.config.WORKER !== 'inline') return;
    const worker = new Worker({
      queue: app.queue,
      handlers: videoJobs.handlers,
      onJobEnd: videoJobs.onJobEnd,
      sweep: videoJobs.sweep,
      log,
    });
    app.addHook('onReady', async () => worker.start());
    // A transcode in flight gets a short grace; otherwise it is released back to the queue, never lost.
    app.addHook('onClose', async () => worker.stop({ graceMs: 10_000 }));
  },
  { name: 'worker', dependencies: ['catalogue'] },
);
