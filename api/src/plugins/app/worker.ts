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
 * the api process. With WORKER=off a separate `npm run worker` takes the jobs from the same database.
 */
export default fp(
  async (app, { container }: { container: Container }) => {
    app.decorate('videoJobs', container.videoJobs);
    if (app.config.WORKER !== 'inline') return;
    const worker = container.worker();
    app.addHook('onReady', async () => worker.start());
    // A transcode in flight gets a short grace; otherwise it is released back to the queue, never lost.
    app.addHook('onClose', async () => worker.stop({ graceMs: 10_000 }));
  },
  { name: 'worker', dependencies: ['database'] },
);
