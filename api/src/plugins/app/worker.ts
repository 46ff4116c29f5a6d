import fp from 'fastify-plugin';
import type { Container } from '../../container.ts';
import type { VideoJobs } from '../../services/video-jobs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    videoJobs: VideoJobs;
  }
}

/**
 * Decorates `videoJobs` (enqueue a transcode) and, with WORKER=inline (the default), runs the transcode worker in
 * the api process. With WORKER=off a separate `npm run worker` takes the jobs from the same database, or from
 * Redis with QUEUE_URL (then the api passes jobs to Redis and copies their progress back: QueueBridge).
 */
export default fp(
  async (app, { container }: { container: Container }) => {
    app.decorate('videoJobs', container.videoJobs);
    // On Redis the api is the one consumer of the queue's events, whether or not it also runs a worker.
    const bridge = container.queueBridge?.();
    // Not awaited: while Redis is unreachable the api still serves the catalogue, and jobs wait in its table.
    if (bridge)
      app.addHook('onReady', async () => {
        app.filesInBucket
          .then(() => bridge.start())
          .catch((err: unknown) => app.log.error({ err }, 'queue bridge could not start'));
      });
    if (app.config.WORKER !== 'inline') return;
    const worker = container.worker();
    app.addHook('onReady', async () => worker.start());
    // A transcode in flight gets a short grace; otherwise it is released back to the queue, never lost.
    app.addHook('onClose', async () => worker.stop({ graceMs: 10_000 }));
  },
  { name: 'worker', dependencies: ['database', 'files-to-bucket'] },
);
