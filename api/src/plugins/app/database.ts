import type { JobQueue } from '@artifact-stories/media-pipeline';
import fp from 'fastify-plugin';
import type { Container } from '../../container.ts';
import type { Db } from '../../db/database.ts';
import type { Repositories } from '../../repositories/index.ts';
import type { CatalogueService } from '../../services/catalogue.service.ts';
import { syncReference } from '../../services/reference.service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    repos: Repositories;
    catalogue: CatalogueService;
    queue: JobQueue;
  }
}

/**
 * The database the container opened (migrated), with its reference data loaded, and what reads or writes
 * it: the repositories, the catalogue service, the job queue. Closing the app closes the container.
 */
export default fp(
  async (app, { container }: { container: Container }) => {
    // Reference data belongs to the schema, not to the sample catalogue: loaded at every start, whatever SEED says.
    syncReference(container.repos.catalogue);
    app.decorate('db', container.db);
    app.decorate('repos', container.repos);
    app.decorate('catalogue', container.catalogue);
    app.decorate('queue', container.queue);
    app.addHook('onClose', async () => container.close());
  },
  { name: 'database' },
);
