import {
  CaptionError,
  type CaptionInput,
  type Job,
  type JobHandler,
  type MediaManifest,
  type MediaStore,
  MediaValidationError,
  PermanentJobError,
  recaption,
  removeStaleTempFolders,
  transcode,
} from '@artifact-stories/media-pipeline';
import {
  type CaptionRef,
  type CaptionsPayload,
  isCurrent,
  LEGACY_PAYLOAD,
  type LegacyPayload,
  type TranscodePayload,
} from './video-job-payloads.ts';

/** A file a job names, as a local path ffmpeg can read; `done` removes what was fetched for it. */
interface FetchedInput {
  path: string;
  done(): Promise<void>;
}

/**
 * What a succeeded transcode or captions attempt made: a new version, not yet on show. The worker only builds
 * it; the api puts it on show once the queue has accepted the completion (video-jobs.ts, applyResult).
 */
export interface VersionResult {
  videoId: string;
  version: string;
  manifest: MediaManifest;
  wallMs: number;
  /** Files copied instead of hard-linked (captions jobs across filesystems). */
  copied?: number;
  /** The captions files the version was built with ('lang:file'): the api compares them with the catalogue's. */
  captions: string[];
  /** A captions job: the version its media came from. */
  fromVersion?: string;
}

export interface VideoJobHandlerDeps {
  /** Where versions go: the media folder, or a bucket. */
  store: MediaStore;
  /** Fetches a source or caption file by reference (a shared path, or 's3:<key>'); undefined when it is gone. */
  inputs: { localInput(ref: string, dir: string): Promise<FetchedInput | undefined> };
  /**
   * Turns a job queued before payloads carried their inputs into a current one, from the catalogue. Only a
   * worker beside the catalogue has it; a remote worker fails such a job with words saying what to do.
   */
  upgrade?: (payload: LegacyPayload, type: string) => TranscodePayload | CaptionsPayload | null;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

/** A reason staff can act on, kept whole through the queue (no retry): the api shows its own words. */
export class JobInputError extends Error {
  constructor(readonly messages: { en: string; vi: string }) {
    super(messages.en);
    this.name = 'JobInputError';
  }
}

const permanent = (err: Error & { message: string }) => new PermanentJobError(err.message, { cause: err });

export const captionKey = (c: Pick<CaptionRef, 'lang' | 'file'>) => `${c.lang}:${c.file}`;

const VERSION_JOBS = new Set(['transcode', 'captions']);

/**
 * The worker's side of the video jobs: each handler works from its payload and the storage alone (no
 * catalogue), so it runs the same in the api, beside it, or on another machine.
 */
export function createVideoJobHandlers({ store, inputs, upgrade, log = () => {} }: VideoJobHandlerDeps) {
  function payloadOf<P extends TranscodePayload | CaptionsPayload>(job: Job): P | null {
    if (isCurrent(job.payload)) return job.payload as P;
    const legacy = job.payload as LegacyPayload;
    if (!upgrade) throw permanent(new JobInputError(LEGACY_PAYLOAD));
    return upgrade(legacy, job.type) as P | null;
  }

  /** Each caption file fetched to the scratch folder; one removed since the job was queued is left out. */
  async function fetchCaptions(refs: CaptionRef[], dir: string) {
    const fetched: FetchedInput[] = [];
    const captions: CaptionInput[] = [];
    const used: string[] = [];
    for (const ref of refs) {
      const file = await inputs.localInput(ref.file, dir);
      if (!file) {
        log('caption file gone since the job was queued; left out', { file: ref.file });
        continue;
      }
      fetched.push(file);
      captions.push({
        lang: ref.lang,
        label: ref.label,
        kind: ref.kind,
        source: ref.source,
        path: file.path,
      });
      used.push(captionKey(ref));
    }
    return {
      captions,
      used,
      done: () => Promise.all(fetched.map((f) => f.done())).then(() => {}),
    };
  }

  const transcodeHandler: JobHandler = async (job, ctx) => {
    const payload = payloadOf<TranscodePayload>(job);
    if (!payload)
      throw new PermanentJobError(`Video ${(job.payload as LegacyPayload).videoId} no longer exists.`);
    const { videoId } = payload;
    const dir = store.scratchDir(videoId);
    const source = await inputs.localInput(payload.input, dir);
    if (!source) {
      throw permanent(
        new JobInputError({
          en: 'The uploaded clip is no longer in storage (it was deleted or replaced); upload it again.',
          vi: 'Đoạn phim đã tải lên không còn trong kho lưu trữ (đã bị xoá hoặc thay thế); hãy tải lên lại.',
        }),
      );
    }
    const captions = await fetchCaptions(payload.captions, dir).catch(async (err: unknown) => {
      await source.done();
      throw err;
    });
    let loggedQuarter = 0;
    try {
      const result = await transcode({
        input: source.path,
        videoDir: dir,
        store,
        captions: captions.captions,
        signal: ctx.signal,
        // The worker's time limit for this job grows with the clip's length.
        onProbed: (probe) => ctx.mediaDuration(probe.durationSec),
        onProgress: (percent) => {
          ctx.progress(percent);
          // The terminal shows each transcode moving, a line per quarter, not per percent.
          const quarter = Math.floor(percent / 25) * 25;
          if (quarter > loggedQuarter && quarter < 100) {
            loggedQuarter = quarter;
            log(`transcoding ${quarter}%`, { videoId, job: job.id });
          }
        },
      });
      return {
        videoId,
        version: result.version,
        manifest: result.manifest,
        wallMs: result.wallMs,
        captions: captions.used,
      } satisfies VersionResult;
    } catch (err) {
      if (err instanceof MediaValidationError) throw permanent(err);
      throw err;
    } finally {
      await source.done();
      await captions.done();
    }
  };

  // No encode: the version's media is hard-linked (or copied in the bucket) into the new one (recaption.ts).
  const captionsHandler: JobHandler = async (job, ctx) => {
    const payload = payloadOf<CaptionsPayload>(job);
    // No version yet (its first transcode failed or is still coming): that transcode brings the captions.
    if (!payload?.fromVersion) return null;
    const { videoId, fromVersion } = payload;
    const captions = await fetchCaptions(payload.captions, store.scratchDir(videoId));
    try {
      const result = await recaption({
        videoDir: store.scratchDir(videoId),
        store,
        fromVersion,
        captions: captions.captions,
      });
      ctx.progress(100);
      return {
        videoId,
        version: result.version,
        manifest: result.manifest,
        wallMs: Math.round(result.wallMs),
        copied: result.copied,
        captions: captions.used,
        fromVersion,
      } satisfies VersionResult;
    } catch (err) {
      // A stored caption file the pipeline refuses will be refused again: no retry.
      if (err instanceof CaptionError) throw permanent(err);
      throw err;
    } finally {
      await captions.done();
    }
  };

  return {
    handlers: { transcode: transcodeHandler, captions: captionsHandler } as Record<string, JobHandler>,
    /** The worker's start-up sweep: removes the temp folders of transcodes that died, keeps those of busy jobs. */
    async sweep(busy: Job[]): Promise<void> {
      const busyDirs = busy.flatMap((job) => {
        const { videoId } = job.payload as Partial<LegacyPayload>;
        return VERSION_JOBS.has(job.type) && videoId ? [store.scratchDir(videoId)] : [];
      });
      const removed = await removeStaleTempFolders(store.scratchRoot, busyDirs);
      if (removed.length > 0) log('removed temp folders of interrupted transcodes', { folders: removed });
    },
  };
}
