import { randomUUID } from 'node:crypto';
import {
  BullQueueEngine,
  CaptionError,
  JobQueue,
  listCues,
  MediaValidationError,
  mirrorJob,
  probeMedia,
  type QueueEngine,
  replaceCueText,
  SqliteQueueEngine,
  toWebVtt,
  useFfmpegBinaries,
  Worker,
} from '@artifact-stories/media-pipeline';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { createRepositories, type Repositories } from './repositories/index.ts';
import { createSearchEngine } from './search/create.ts';
import { CatalogueService } from './services/catalogue.service.ts';
import { LoginBackoff } from './services/login-backoff.ts';
import { PlaybackHealthService } from './services/playback-health.service.ts';
import { QueueBridge } from './services/queue-bridge.service.ts';
import { createPurger } from './services/reach/purge.ts';
import { SearchService } from './services/search.service.ts';
import { SearchDocuments } from './services/search-documents.ts';
import { SearchSync } from './services/search-sync.service.ts';
import { StaffService } from './services/staff.service.ts';
import { StaffArtifactsService } from './services/staff-artifacts.service.ts';
import { StaffCaptionsService } from './services/staff-captions.service.ts';
import { StaffChaptersService } from './services/staff-chapters.service.ts';
import { JobChangeFeed } from './services/staff-events.service.ts';
import { StaffJobsService } from './services/staff-jobs.service.ts';
import { UploadAdmission } from './services/upload-admission.service.ts';
import { UploadSlots } from './services/upload-slots.ts';
import { UploadsService } from './services/uploads.service.ts';
import { createVideoJobs, type VideoJobs } from './services/video-jobs.ts';

/** Pino's shape (the app passes `app.log`); scripts pass a console adapter. */
export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

const silent: Logger = { info() {}, warn() {}, error() {} };

/**
 * Uploads one staff member may have in progress at once, and how long an upload may sit without a byte
 * before it stops counting (a slow 8 MiB chunk takes about a minute on 1 Mbit/s).
 */
const UPLOADS_PER_STAFF = 3;
const UPLOAD_IDLE_MS = 10 * 60_000;

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
  const db = openDatabase(config.dbFile);
  const repos = createRepositories(db, config);
  // The catalogue's record of every job (staff pages, video status); with SQLite it is also the queue itself.
  const queue = new JobQueue(db);
  const jobLog = (message: string, fields?: Record<string, unknown>) => log.info(fields ?? {}, message);
  const videoJobs = createVideoJobs({ queue, repos, mediaDir: config.mediaDir, log: jobLog });
  const catalogue = new CatalogueService(repos.catalogue, repos.artifacts, repos.videos, repos.chapters);
  const playbackHealth = new PlaybackHealthService(repos.playback);
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
        onJobEnd: (job) => videoJobs.onJobEnd(job),
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
    ),
  );
  const staffAccounts = once(
    () => new StaffService(repos.staff, { sessionTtlMs: config.SESSION_TTL_HOURS * 3600_000 }),
  );
  let searchBuilt = false;

  return {
    db,
    repos,
    queue,
    videoJobs,
    catalogue,
    /** Players' reports in, staff's dashboard out. */
    playbackHealth,
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
    worker: () =>
      new Worker({
        queue: engine(),
        handlers: videoJobs.handlers,
        // On Redis the api applies each end once, from the queue's events (QueueBridge), wherever the worker ran.
        onJobEnd: onRedis ? undefined : videoJobs.onJobEnd,
        sweep: videoJobs.sweep,
        log: jobLog,
      }),
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

/** The staff services wired to the repositories, the queue and the folders. */
function staffServices(
  config: Config,
  repos: Repositories,
  queue: JobQueue,
  catalogue: CatalogueService,
  enqueueTranscode: VideoJobs['enqueueTranscode'],
  enqueueCaptions: VideoJobs['enqueueCaptions'],
  log: Logger,
  playback: PlaybackHealthService,
) {
  const { staffViews: views, staffFiles: files } = repos;
  const slots = new UploadSlots({ perStaff: UPLOADS_PER_STAFF, idleMs: UPLOAD_IDLE_MS });
  return {
    playback,
    slots,
    admission: new UploadAdmission({ freeBytes: () => files.freeBytes(), slots }),
    files,
    takedown: createPurger({
      purgeUrl: config.PURGE_URL,
      publicUrl: config.PUBLIC_URL,
      log: (level, message, fields) => log[level](fields ?? {}, message),
    }),
    artifacts: new StaffArtifactsService({
      artifacts: repos.artifacts,
      videos: repos.videos,
      views,
      reference: {
        hasGroup: (slug) => repos.catalogue.group(slug) !== undefined,
        hasCategory: (slug) => repos.catalogue.categories().some((c) => c.slug === slug),
      },
      jobs: {
        get: (id) => queue.get(id),
        cancelForVideo: (videoId) => {
          for (const id of views.activeJobIdsForVideo(videoId)) queue.cancel(id);
        },
      },
      preview: (record) => catalogue.detail(record),
    }),
    captions: new StaffCaptionsService({
      artifacts: repos.artifacts,
      videos: repos.videos,
      files,
      toWebVtt,
      cues: { list: listCues, replace: replaceCueText },
      isCaptionError: (err): err is CaptionError => err instanceof CaptionError,
      jobs: queue,
      enqueueTranscode,
      enqueueCaptions,
    }),
    chapters: new StaffChaptersService(repos),
    jobs: new StaffJobsService({ queue, views, videos: repos.videos }),
    /** One per open job stream: it remembers what that stream was sent. */
    jobFeed: () => new JobChangeFeed((since) => views.jobsChangedSince(since)),
    uploads: new UploadsService({
      artifacts: repos.artifacts,
      videos: repos.videos,
      files,
      probe: (path) => probeMedia(path),
      isRefusal: (err): err is MediaValidationError => err instanceof MediaValidationError,
      enqueueTranscode,
      newId: randomUUID,
      log: (message, fields) => log.warn(fields ?? {}, message),
    }),
  };
}
