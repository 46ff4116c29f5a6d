import {
  BullQueueEngine,
  JobQueue,
  mirrorJob,
  type QueueEngine,
  SqliteQueueEngine,
  useFfmpegBinaries,
  Worker,
} from '@artifact-stories/media-pipeline';
import type { Config } from './config.ts';
import { staffServices } from './container-staff.ts';
import { openDatabase } from './db/database.ts';
import { jobLogger, type Logger } from './logger.ts';
import { createRepositories, type Repositories } from './repositories/index.ts';
import { createMediaStore } from './repositories/media-store.ts';
import { prepareDataFolders } from './repositories/ops/data-folders.ts';
import { createSearchEngine } from './search/create.ts';
import { CatalogueService } from './services/catalogue.service.ts';
import { FilmsService } from './services/films.service.ts';
import { GroupPagesService } from './services/group-pages.service.ts';
import { ExhibitionsService } from './services/learning/exhibitions.service.ts';
import { lessonFilms } from './services/lesson-films.ts';
import { LessonsService, randomEditToken, randomLessonCode } from './services/lessons.service.ts';
import { LoginBackoff } from './services/login-backoff.ts';
import { PlaybackHealthService } from './services/playback-health.service.ts';
import { PublishedTree } from './services/published-tree.service.ts';
import { QueueBridge } from './services/queue-bridge.service.ts';
import { SearchService } from './services/search.service.ts';
import { SearchDocuments } from './services/search-documents.ts';
import { SearchSync } from './services/search-sync.service.ts';
import { StaffService } from './services/staff.service.ts';
import { createVideoJobHandlers } from './services/video-job-handlers.ts';
import type { LegacyPayload } from './services/video-job-payloads.ts';
import { createVideoJobs } from './services/video-jobs.ts';

const silent: Logger = { info() {}, warn() {}, error() {} };

export type Container = ReturnType<typeof createContainer>;
export type StaffServices = ReturnType<typeof staffServices>;
type SearchParts = ReturnType<typeof searchParts>;

/**
 * The one composition root: opens the database and builds every repository and service, for the app, the
 * worker and every script. Only what every caller needs is built at once; the search engine, the staff
 * services and the staff accounts are built on first use, so a script pays only for what it touches.
 */
export function createContainer(config: Config, { log = silent }: { log?: Logger } = {}) {
  // Probing uploads, seeding, /readyz and the worker all run the binaries the configuration names.
  useFfmpegBinaries({ ffmpegPath: config.FFMPEG_PATH, ffprobePath: config.FFPROBE_PATH });
  // Before the database opens: a folder it cannot write is named with its fix, not met mid-transcode.
  prepareDataFolders(config);
  const db = openDatabase(config.dbFile);
  const media = createMediaStore(config);
  const repos = createRepositories(db, config, media);
  // The catalogue's record of every job (staff pages, video status); with SQLite it is also the queue itself.
  const queue = new JobQueue(db);
  const jobLog = jobLogger(log);
  const videoJobs = createVideoJobs({ queue, repos, store: media.store, log: jobLog });
  // The worker's side: the same handlers a remote worker runs (worker-container.ts), plus the catalogue to look
  // up jobs queued before payloads carried their inputs.
  const jobHandlers = createVideoJobHandlers({
    store: media.store,
    inputs: repos.staffFiles,
    upgrade: videoJobs.upgrade,
    log: jobLog,
  });
  const catalogue = new CatalogueService(
    repos.catalogue,
    repos.artifacts,
    repos.videos,
    repos.chapters,
    repos.films,
  );
  const playbackHealth = new PlaybackHealthService(repos.playback);
  const publishedTree = new PublishedTree({
    shown: () => repos.videos.publicVersions(),
    links: repos.publishedTree,
  });
  const lessons = new LessonsService({
    lessons: repos.lessons,
    films: lessonFilms(repos, catalogue),
    // Read at each call (not Date.now itself), so a test that moves the clock moves it for lessons too.
    now: () => Date.now(),
    newCode: randomLessonCode,
    newToken: randomEditToken,
  });
  const films = new FilmsService({
    films: repos.films,
    summaries: (ids) => catalogue.summariesOf(ids),
    names: () => catalogue.names(),
  });
  const groupPages = new GroupPagesService({
    group: (slug) => catalogue.ethnicGroup(slug),
    regions: repos.catalogue,
    descriptions: repos.groupDescriptions,
  });
  const exhibitions = new ExhibitionsService({
    ...repos,
    summarize: (record, video) => catalogue.summarize(record, video),
  });
  const once = <T>(build: () => T) => {
    let built: T | undefined;
    return () => (built ??= build());
  };
  const onRedis = config.QUEUE_URL !== '';
  let engineBuilt = false;
  // What workers take jobs from: built on first use, so scripts that never run jobs never connect to Redis.
  const engine = once((): QueueEngine => {
    engineBuilt = true;
    return onRedis ? new BullQueueEngine({ url: config.QUEUE_URL }) : new SqliteQueueEngine(queue);
  });
  const bridge = once(
    () =>
      new QueueBridge({
        ledger: queue,
        engine: engine(),
        mirror: (job) => mirrorJob(db, job),
        // A captions job's version is decided again too, which is right: its result is applied only if built on
        // the version on show (video-jobs.ts). A video gone keeps the old payload: the worker fails it as gone.
        payloadFor: (job) => videoJobs.upgrade(job.payload as LegacyPayload, job.type) ?? job.payload,
        onJobStart: (job) => videoJobs.onJobStart(job),
        // A result applied here may put a new version on show: the front server's tree follows at once.
        onJobEnd: (job) => {
          videoJobs.onJobEnd(job);
          publishedTree.sync();
        },
        log: (message, fields) => log.warn(fields ?? {}, message),
      }),
  );
  const search = once(() => searchParts(config, repos, catalogue, log));
  const staff = once(() =>
    staffServices(
      config,
      repos,
      queue,
      catalogue,
      (id) => videoJobs.enqueueTranscode(id),
      (id) => videoJobs.enqueueCaptions(id),
      log,
      playbackHealth,
      groupPages,
    ),
  );
  const staffAccounts = once(
    () => new StaffService(repos.staff, { sessionTtlMs: config.SESSION_TTL_HOURS * 3600_000 }),
  );
  let searchBuilt = false;

  return {
    db,
    repos,
    /** Where media versions are: the folder or the bucket. */
    mediaStore: media.store,
    queue,
    videoJobs,
    catalogue,
    exhibitions,
    /** Players' reports in, staff's dashboard out. */
    playbackHealth,
    /** What the front server may serve from disk (plugins/app/published-tree.ts keeps it in step). */
    publishedTree,
    /** Teachers' lessons: made and edited without accounts, opened by pupils by code, taken down by staff. */
    lessons,
    /** The "all films" listing. */
    films,
    /** Group pages, and their description staff write. */
    groupPages,
    get search(): SearchParts {
      searchBuilt = true;
      return search();
    },
    get staff(): StaffServices {
      return staff();
    },
    get staffAccounts(): StaffService {
      return staffAccounts();
    },
    /** Per-account wait after wrong passwords: in memory, one per process. */
    loginBackoff: new LoginBackoff(),
    /** QUEUE_URL set: the api passes its jobs to Redis and copies workers' changes back (start() it once). */
    queueBridge: onRedis ? bridge : undefined,
    /** The transcode worker (started by its caller), on whichever queue QUEUE_URL names. */
    worker: () => {
      // On SQLite the claim is made in this process: its video shows 'processing' from the queue's own event.
      if (!onRedis) queue.onChange((job) => job.state === 'running' && videoJobs.onJobStart(job));
      return new Worker({
        queue: engine(),
        handlers: jobHandlers.handlers,
        // On Redis the api applies each end once, from the queue's events (QueueBridge), wherever the worker ran.
        // A job that ends here may put a new version on show: the front server's tree follows at once.
        onJobEnd: onRedis
          ? undefined
          : (job, error) => {
              videoJobs.onJobEnd(job, error);
              publishedTree.sync();
            },
        sweep: jobHandlers.sweep,
        log: jobLog,
      });
    },
    /** Closes the search engine and the queue if they were built, then the database. */
    async close(): Promise<void> {
      if (searchBuilt) await search().engine.close();
      if (engineBuilt) {
        if (onRedis) bridge().stop();
        await engine().close();
      }
      db.close();
    },
  };
}

function searchParts(config: Config, repos: Repositories, catalogue: CatalogueService, log: Logger) {
  const engine = createSearchEngine(config);
  const sync = new SearchSync({
    outbox: repos.searchOutbox,
    state: repos.searchIndexState,
    documents: new SearchDocuments(repos),
    engine,
    log: { info: (m) => log.info({}, m), warn: (m) => log.warn({}, m) },
  });
  const service = new SearchService(engine, repos, catalogue, () => sync.hasPending());
  return { engine, sync, service };
}
