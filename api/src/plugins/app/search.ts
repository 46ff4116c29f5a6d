import fp from 'fastify-plugin';
import { createSearchEngine } from '../../search/create.ts';
import { SearchService } from '../../services/search.service.ts';
import { SearchDocuments } from '../../services/search-documents.ts';
import { SearchSync } from '../../services/search-sync.service.ts';

/**
 * Decorates `searchEngine`, `searchSync` (outbox → engine) and `searchService` (queries). Before the
 * server answers, the index is brought up to date (the embedded one is built from SQLite); afterwards a
 * background loop carries each change across within about a second, and catches up after an outage.
 */
export default fp(
  async (app) => {
    const engine = createSearchEngine(app.config);
    const sync = new SearchSync({
      db: app.db,
      documents: new SearchDocuments(app.db, app.repos),
      engine,
      log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) },
    });
    app.decorate('searchEngine', engine);
    app.decorate('searchSync', sync);
    app.decorate(
      'searchService',
      new SearchService(engine, app.repos, app.catalogue, () => sync.hasPending()),
    );

    app.addHook('onReady', async () => {
      // An engine that is down must not stop the catalogue from starting: the loop catches up later.
      await sync.drain().catch((err: Error) => {
        app.log.warn(`search engine ${engine.name} not ready (${err.message}); retrying in the background`);
      });
      sync.start();
    });
    app.addHook('onClose', async () => {
      await sync.stop();
      await engine.close();
    });
  },
  { name: 'search', dependencies: ['catalogue'] },
);
