import { JobQueue } from '@artifact-stories/media-pipeline';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { ArtifactsRepository } from '../../repositories/artifacts.repository.ts';
import { CatalogueRepository } from '../../repositories/catalogue.repository.ts';
import { VideosRepository } from '../../repositories/videos.repository.ts';
import { CatalogueService } from '../../services/catalogue.service.ts';
import { syncReference } from '../../services/reference.service.ts';

/** The database (migrated, reference data loaded) and everything that reads or writes it: repositories, the catalogue service, the job queue. */
export default fp(
  async (app, opts: { config: Config }) => {
    const db = openDatabase(opts.config.dbFile);
    const repos = {
      catalogue: new CatalogueRepository(db),
      artifacts: new ArtifactsRepository(db),
      videos: new VideosRepository(db),
    };
    // Reference data belongs to the schema, not to the sample catalogue: loaded at every start, whatever SEED says.
    syncReference(repos.catalogue);
    app.decorate('db', db);
    app.decorate('repos', repos);
    app.decorate('catalogue', new CatalogueService(repos.catalogue, repos.artifacts, repos.videos));
    app.decorate('queue', new JobQueue(db));
    app.addHook('onClose', async () => db.close());
  },
  { name: 'catalogue' },
);
