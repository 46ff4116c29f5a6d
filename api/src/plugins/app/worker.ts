import { Worker } from '@artifact-stories/media-pipeline';
import fp from 'fastify-plugin';
import { videoJobHandlers } from '../../services/video-jobs.ts';

/**
 * Runs the transcode worker inside the api process (WORKER=inline, the default). With WORKER=off a separate
 * `npm run worker` process takes the jobs from the same database.
 */
export default fp(
  async (app) => {
    if (app.config.WORKER !== 'inline') return;
    const worker = new Worker({
      queue: app.queue,
      handlers: videoJobHandlers({
        queue: app.queue,
        repos: app.repos,
        mediaDir: app.config.mediaDir,
        uploadDir: app.config.uploadDir,
      }),
      log: (msg: string, fields?: Record<string, unknown>) => app.log.info(fields ?? {}, msg),
    });
    worker.start();
    // A transcode in flight gets a short grace; otherwise it is released back to the queue, never lost.
    app.addHook('onClose', async () => worker.stop({ graceMs: 10_000 }));
  },
  { name: 'worker', dependencies: ['catalogue'] },
);
