import type { Heartbeat, QueueEngine } from './engine.ts';
import { clampProgress, type Job } from './schema.ts';

/** How often at most a progress change is written (a heartbeat carries it sooner if one is due). */
const PROGRESS_WRITE_MS = 1000;

export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

interface HeartbeatOptions {
  queue: Pick<QueueEngine, 'heartbeat'>;
  job: Job;
  workerId: string;
  everyMs: number;
  /** The queue answered 'cancel' or 'lost': the job's handler must stop. */
  abort: (why: Exclude<Heartbeat, 'ok'>) => void;
  log: (msg: string, fields?: Record<string, unknown>) => void;
}

/**
 * A running job's heartbeats: each renews the lease and carries the latest progress, one at a time, and a
 * progress change is written within PROGRESS_WRITE_MS without waiting for the next beat.
 */
export function startHeartbeats({ queue, job, workerId, everyMs, abort, log }: HeartbeatOptions) {
  let latest = job.progress;
  let written = job.progress;
  let lastWrite = Date.now();
  let trailing: NodeJS.Timeout | undefined;
  // One beat at a time: over the network a slow answer must not be overtaken by the next beat's.
  let inFlight: Promise<void> | undefined;
  const beat = () => {
    if (inFlight) return;
    const pct = latest === written ? undefined : latest;
    inFlight = queue
      .heartbeat(job.id, workerId, pct)
      .then((answer) => {
        if (pct !== undefined) written = pct;
        lastWrite = Date.now();
        if (answer !== 'ok') abort(answer);
      })
      .catch((err: unknown) => {
        // A busy database or a slow network now and then is harmless: the lease outlasts several missed beats.
        log('heartbeat failed', { jobId: job.id, error: messageOf(err) });
      })
      .finally(() => {
        inFlight = undefined;
      });
  };
  const interval = setInterval(beat, everyMs);
  return {
    progress: (percent: number) => {
      if (!Number.isFinite(percent)) return;
      latest = clampProgress(percent);
      if (latest === written || trailing) return;
      const wait = lastWrite + Math.min(PROGRESS_WRITE_MS, everyMs) - Date.now();
      if (wait <= 0) beat();
      else {
        trailing = setTimeout(() => {
          trailing = undefined;
          beat();
        }, wait);
      }
    },
    stop: async () => {
      clearInterval(interval);
      clearTimeout(trailing);
      await inFlight;
    },
  };
}
