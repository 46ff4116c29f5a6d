import fp from 'fastify-plugin';
import type { Container } from '../../container.ts';
import type { SearchEngine } from '../../search/engine.ts';
import type { SearchService } from '../../services/search.service.ts';
import type { SearchSync } from '../../services/search-sync.service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The search engine (not `search`: Fastify already has `app.search`, the SEARCH-method route shorthand). */
    searchEngine: SearchEngine;
    /** Carries outbox rows to the search engine; `drain()` processes every waiting row now. */
    searchSync: SearchSync;
    searchService: SearchService;
  }
}

/**
 * Decorates `searchEngine`, `searchSync` (outbox → engine) and `searchService` (queries). Before the
 * server answers, the index is brought up to date (the embedded one is built from SQLite); afterwards a
 * background loop carries each change across within about a second, and catches up after an outage.
 * The container closes the engine, after the database plugin's turn.
 */
export default fp(
  async (app, { container }: { container: Container }) => {
    const { engine, sync, service } = container.search;
    app.decorate('searchEngine', engine);
    app.decorate('searchSync', sync);
    app.decorate('searchService', service);

    app.addHook('onReady', async () => {
      // An engine that is down must not stop the catalogue from starting: the loop catches up later.
      await sync.drain().catch((err: Error) => {
        app.log.warn(`search engine ${engine.name} not ready (${err.message}); retrying in the background`);
      });
      sync.start();
    });
    app.addHook('onClose', async () => sync.stop());
  },
  { name: 'search', dependencies: ['database'] },
);
