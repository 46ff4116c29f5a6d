import type { StaffUser } from '@artifact-stories/contracts/schemas';
import type { JobQueue } from '@artifact-stories/media-pipeline';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { ArtifactsRepository } from './repositories/artifacts.repository.ts';
import type { CatalogueRepository } from './repositories/catalogue.repository.ts';
import type { VideosRepository } from './repositories/videos.repository.ts';
import type { SearchEngine } from './search/engine.ts';
import type { CatalogueService } from './services/catalogue.service.ts';
import type { SearchService } from './services/search.service.ts';
import type { SearchSync } from './services/search-sync.service.ts';
import type { VideoJobs } from './services/video-jobs.ts';

export interface Repositories {
  catalogue: CatalogueRepository;
  artifacts: ArtifactsRepository;
  videos: VideosRepository;
}

export type { StaffUser } from '@artifact-stories/contracts/schemas';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    repos: Repositories;
    catalogue: CatalogueService;
    queue: JobQueue;
    videoJobs: VideoJobs;
    /** The search engine (not `search`: Fastify already has `app.search`, the SEARCH-method route shorthand). */
    searchEngine: SearchEngine;
    /** Carries outbox rows to the search engine; `drain()` processes every waiting row now. */
    searchSync: SearchSync;
    searchService: SearchService;
    /** The signed-in staff member of a request, if its session cookie is valid. */
    staffFromRequest(request: FastifyRequest): StaffUser | undefined;
  }
}
