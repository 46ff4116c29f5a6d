import { setImmediate as nextTurn } from 'node:timers/promises';
import type { QueueEngine } from './engine.ts';
import { messageOf, startHeartbeats } from './heartbeats.ts';
import { markAlive, markGone, mayBeAlive, newWorkerId } from './owners.ts';
import { type Job, JobLeaseLostError } from './schema.ts';
import { JobDeadline, type TimeLimitOptions } from './time-limit.ts';

/** Thrown by a handler for input that will never work (a corrupt upload): the job fails without retries. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

interface JobContext {
  /** Aborted when the job is cancelled, its lease is lost, or the worker stops: stop work and clean up. */
  signal: AbortSignal;
  /** 0–100; written to the database with the heartbeat, at most about once a second. */
  progress(percent: number): void;
  /** 1 for the first attempt. */
  attempt: number;
  /** The media lasts this many seconds: the job's time limit grows in proportion (see WorkerOptions.timeLimit). */
  mediaDuration(sec: number): void;
}

/** Resolves with the attempt's result (JSON), kept on the job once the queue accepts the completion. */
export type JobHandler = (job: Job, ctx: JobContext) => Promise<unknown>;

export interface WorkerOptions {
  queue: QueueEngine;
  handlers: Record<string, JobHandler>;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
  workerId?: string;
  pollMs?: number;
  heartbeatMs?: number;
  /**
   * A job still running at its limit is aborted and fails for good with JobTimeLimitError. The limit is
   * max(minMs, perMediaSecondMs × the media's duration), counted from the job's start.
   */
  timeLimit?: TimeLimitOptions;
  /**
   * Called once at start, before the first claim, with the running jobs whose worker may still be alive: remove
   * what dead attempts left behind (temp folders) and keep what those jobs are building.
   */
  sweep?: (busy: Job[]) => void | Promise<void>;
  /** After a job leaves 'running' (any end, a retry or a release), with the updated job and its error. */
  onJobEnd?: (job: Job, error?: unknown) => void;
}

type AbortReason = 'cancel' | 'lost' | 'stop' | 'timeout';

interface Running {
  job: Job;
  abort: (reason: AbortReason) => void;
  done: Promise<void>;
}

/** How long stop() waits for a handler to honour its aborted signal before giving up on it. */
const ABORT_WAIT_MS = 10_000;

/**
 * Runs one job at a time (a transcode already uses every core). Heartbeats keep the lease while the
 * handler runs and carry its progress; a cancel or a lost lease aborts the handler's signal.
 */
export class Worker {
  readonly workerId: string;
  private readonly queue: QueueEngine;
  private readonly handlers: Record<string, JobHandler>;
  private readonly log: (msg: string, fields?: Record<string, unknown>) => void;
  private readonly pollMs: number;
  private readonly heartbeatMs: number;
  private readonly onJobEnd: WorkerOptions['onJobEnd'];
  private readonly timeLimit: TimeLimitOptions | undefined;
  private readonly sweep: WorkerOptions['sweep'];
  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private current: Running | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(opts: WorkerOptions) {
    this.queue = opts.queue;
    this.handlers = opts.handlers;
    this.log = opts.log ?? (() => {});
    this.workerId = opts.workerId ?? newWorkerId();
    this.pollMs = opts.pollMs ?? 500;
    this.heartbeatMs = opts.heartbeatMs ?? Math.max(50, Math.floor(opts.queue.leaseMs / 3));
    this.onJobEnd = opts.onJobEnd;
    this.timeLimit = opts.timeLimit;
    this.sweep = opts.sweep;
  }

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    markAlive(this.workerId);
    // A job enqueued in this process starts without waiting for the next poll.
    this.unsubscribe = this.queue.onChange((job) => {
      if (job.state === 'queued' && Object.hasOwn(this.handlers, job.type)) this.wake?.();
    });
    this.loop = this.run();
  }

  /** No new claims; the running job gets graceMs to finish, then is aborted and released to the queue. */
  async stop(opts: { graceMs?: number } = {}): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.unsubscribe?.();
    this.wake?.();
    const running = this.current;
    if (running) {
      if (!(await settlesWithin(running.done, opts.graceMs ?? 30_000))) {
        running.abort('stop');
        if (!(await settlesWithin(running.done, ABORT_WAIT_MS))) {
          this.log('handler ignored its abort signal; releasing the job anyway', { jobId: running.job.id });
          await this.finish(running.job, () => this.queue.release(running.job.id, this.workerId), undefined);
          this.loop = undefined;
          markGone(this.workerId);
          return;
        }
      }
    }
    await this.loop;
    this.loop = undefined;
    markGone(this.workerId);
  }

  private async run(): Promise<void> {
    const types = Object.keys(this.handlers);
    await this.sweepOnce();
    while (!this.stopping) {
      let job: Job | undefined;
      try {
        // Jobs whose worker died on their last attempt end here: report them like any other end.
        for (const reaped of await this.queue.reap(types))
          await this.finish(reaped, async () => reaped, undefined);
        job = await this.queue.claim(this.workerId, types);
      } catch (err) {
        this.log('could not claim a job; will try again', { error: messageOf(err) });
      }
      if (job) {
        await this.runJob(job);
        await nextTurn(); // let timers and I/O run between back-to-back jobs
      } else {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }

  private async runJob(job: Job): Promise<void> {
    const handler = this.handlers[job.type];
    if (!handler) return; // claim() only returns our types
    const controller = new AbortController();
    let reason: AbortReason | undefined;
    const abort = (why: AbortReason) => {
      if (reason) return;
      reason = why;
      controller.abort(new Error(`job ${job.id} aborted: ${why}`));
    };
    const beats = startHeartbeats({
      queue: this.queue,
      job,
      workerId: this.workerId,
      everyMs: this.heartbeatMs,
      abort,
      log: this.log,
    });
    const deadline = new JobDeadline(this.timeLimit, () => abort('timeout'));
    let error: unknown;
    let result: unknown;
    let settle = () => {};
    const done = new Promise<void>((resolve) => {
      settle = resolve;
    });
    this.current = { job, abort, done };
    this.log('job started', { jobId: job.id, type: job.type, attempt: job.attempts });
    try {
      result = await handler(job, {
        signal: controller.signal,
        progress: beats.progress,
        attempt: job.attempts,
        mediaDuration: (sec) => deadline.setMediaDuration(sec),
      });
    } catch (err) {
      error = err;
    } finally {
      await beats.stop();
      deadline.clear();
    }
    try {
      if (reason === 'lost') {
        this.log('job lease lost: another worker has it now; this attempt was dropped', { jobId: job.id });
      } else if (error === undefined) {
        // Finished work is kept even if a cancel or a stop came too late to interrupt it.
        await this.finish(job, () => this.queue.complete(job.id, this.workerId, result), undefined);
      } else if (reason === 'cancel') {
        await this.finish(job, () => this.queue.markCancelled(job.id, this.workerId), error);
      } else if (reason === 'stop') {
        await this.finish(job, () => this.queue.release(job.id, this.workerId), error);
      } else if (reason === 'timeout') {
        // The handler saw only an abort; the job's record says why, in words staff can act on.
        const late = deadline.error();
        await this.finish(
          job,
          () => this.queue.fail(job.id, this.workerId, late.message, { permanent: true }),
          late,
        );
      } else {
        const permanent = error instanceof PermanentJobError;
        await this.finish(
          job,
          () => this.queue.fail(job.id, this.workerId, messageOf(error), { permanent }),
          error,
        );
      }
    } finally {
      this.current = undefined;
      settle();
    }
  }

  private async sweepOnce(): Promise<void> {
    if (!this.sweep) return;
    try {
      const running = (await this.queue.list({ state: 'running', limit: 1000 })).items;
      await this.sweep(running.filter((job) => job.leaseOwner !== null && mayBeAlive(job.leaseOwner)));
    } catch (err) {
      // Leftovers cost disk, not correctness: the worker starts anyway.
      this.log('start-up sweep failed', { error: messageOf(err) });
    }
  }

  /** Moves the job out of 'running' and reports it; never throws (the loop must survive anything). */
  private async finish(job: Job, move: () => Promise<Job>, error: unknown): Promise<void> {
    let ended: Job;
    try {
      ended = await move();
    } catch (err) {
      const fields = { jobId: job.id, error: messageOf(err) };
      if (err instanceof JobLeaseLostError) this.log('job result dropped: lease lost', fields);
      else this.log('could not record the end of a job', fields);
      return;
    }
    this.log(`job ${ended.state === 'queued' ? 'queued again' : ended.state}`, {
      jobId: job.id,
      attempt: job.attempts,
      ...(error === undefined ? {} : { error: messageOf(error) }),
    });
    try {
      this.onJobEnd?.(ended, error);
    } catch (err) {
      this.log('onJobEnd threw', { jobId: job.id, error: messageOf(err) });
    }
  }
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
