import fp from 'fastify-plugin';
import type { Container } from '../../container.ts';
import type { PublishedTree } from '../../services/published-tree.service.ts';
import { TAKEDOWN_SECONDS } from '../../services/reach/caching.ts';

declare module 'fastify' {
  interface FastifyInstance {
    publishedTree: PublishedTree;
  }
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Keeps the front server's tree of published versions (DATA_DIR/published) in step with the database:
 * rebuilt at start, synced after every staff change that succeeded (before its answer leaves, so a film is
 * out of the tree by the time staff see "unpublished"), and once every TAKEDOWN_SECONDS for changes made by
 * other processes (a restore, a worker that could not reach the folder). Jobs sync it themselves when they end.
 */
export default fp(
  async (app, { container }: { container: Container }) => {
    const tree = container.publishedTree;
    app.decorate('publishedTree', tree);
    const sync = (why: string) => {
      try {
        const { added, removed } = tree.sync();
        if (added || removed) app.log.info({ added, removed, why }, 'published tree synced');
      } catch (err) {
        // The database is right and the app still refuses drafts; only the front server may lag: say so loudly.
        app.log.error({ err, why }, `published tree not synced (${app.config.publishedDir})`);
      }
    };
    app.addHook('onReady', async () => sync('start'));
    app.addHook('onSend', async (request, reply) => {
      if (WRITE.has(request.method) && reply.statusCode < 400 && request.url.startsWith('/api/staff/')) {
        sync(`${request.method} ${request.url.split('?')[0]}`);
      }
    });
    const timer = setInterval(() => sync('timer'), TAKEDOWN_SECONDS * 1000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'published-tree', dependencies: ['database'] },
);
