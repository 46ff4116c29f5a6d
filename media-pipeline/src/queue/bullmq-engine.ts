import { randomBytes } from 'node:crypto';
import { type Job as BullJob, type Worker as BullWorker, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { BullJobBook, bullId, type JobMeta, ourId } from './bullmq-book.ts';
import { BullEventFeed } from './bullmq-events.ts';
import { leaseWorker } from './bullmq-lease-worker.ts';
import type { EnqueueOptions, Heartbeat, JobList, QueueEngine } from './engine.ts';
import { checkEnqueue, clampProgress, defaultBackoffMs, type Job, JobLeaseLostError } from './schema.ts';

export interface BullQueueOptions {
  /** redis://[user:password@]host:port[/db] */
  url: string;
  /** Keys are named <prefix>:…; two deployments (or two tests) on one Redis use two prefixes. */
  prefix?: string;
  leaseMs?: number;
  maxAttempts?: number;
  backoffMs?: (attempt: number) => number;
}

/** What a worker holds for the job it claimed: BullMQ checks the token on every move out of 'active'. */
interface Held {
  job: BullJob;
  token: string;
}

const DEAD_WORKER = (attempt: number, max: number) =>
  `The worker stopped responding during attempt ${attempt} of ${max} (it may have crashed or run out of memory), ` +
  'so the job was given up. Check the worker log, then retry the job.';

/**
 * The queue on Redis through BullMQ, for a fleet of transcode workers on several machines. One BullMQ queue per
 * job type; BullMQ's lock is the lease (a worker's heartbeat extends it), its stalled-job check hands a dead
 * worker's job to another worker, and a move out of 'active' succeeds only with the lock's token, so a worker
 * that lost its lease cannot complete the job. BullMQ never retries by itself (attempts: 1): this engine
 * decides retries and back-off exactly as the SQLite engine does. What BullMQ has no place for (cancel
 * requests, attempts given back, the last error) is kept in a hash per job (bullmq-book.ts).
 */
export class BullQueueEngine implements QueueEngine {
  readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: (attempt: number) => number;
  private readonly redis: Redis;
  private readonly book: BullJobBook;
  private readonly queues = new Map<string, Queue>();
  private readonly workers = new Map<string, BullWorker>();
  private readonly feed: BullEventFeed;
  private readonly held = new Map<string, Held>();
  /** Jobs claim() found dead on their last attempt (or cancelled) and ended: reap() reports them. */
  private reaped: Job[] = [];

  constructor(private readonly opts: BullQueueOptions) {
    this.leaseMs = opts.leaseMs ?? 60_000;
    this.maxAttempts = opts.maxAttempts ?? 3;
    this.backoffMs = opts.backoffMs ?? defaultBackoffMs;
    // BullMQ's blocking commands need maxRetriesPerRequest: null.
    this.redis = new Redis(opts.url, { maxRetriesPerRequest: null });
    this.book = new BullJobBook(this.redis, this.prefix);
    this.feed = new BullEventFeed(this.redis, this.prefix, this.book, (id) => this.get(id));
  }

  private get prefix(): string {
    return this.opts.prefix ?? 'artifact-stories';
  }

  private queue(type: string): Queue {
    let queue = this.queues.get(type);
    if (!queue) {
      queue = new Queue(type, { connection: this.redis, prefix: this.prefix });
      this.queues.set(type, queue);
    }
    return queue;
  }

  /** Listeners hear every job type, including one first enqueued after they subscribed. */
  private async ready(type: string): Promise<void> {
    await this.feed.follow(type);
  }

  private worker(type: string): BullWorker {
    let worker = this.workers.get(type);
    if (!worker) {
      worker = leaseWorker(type, { redis: this.redis, prefix: this.prefix, leaseMs: this.leaseMs });
      this.workers.set(type, worker);
    }
    return worker;
  }

  async enqueue<P>(type: string, payload: P, opts: EnqueueOptions = {}): Promise<Job<P>> {
    const maxAttempts = opts.maxAttempts ?? this.maxAttempts;
    checkEnqueue(type, payload, maxAttempts);
    await this.ready(type);
    const now = Date.now();
    const id = await this.book.create(type, maxAttempts, now, opts.id);
    await this.add(type, id, payload, Math.max(0, (opts.runAt ?? now) - now));
    return (await this.get(id)) as Job<P>;
  }

  private async add(type: string, id: number, payload: unknown, delay: number): Promise<void> {
    await this.queue(type).add(type, payload, {
      jobId: bullId(id),
      attempts: 1,
      delay,
      // Finished jobs stay a week for the staff list and for the api to apply results it missed.
      removeOnComplete: { age: 7 * 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
  }

  async get(id: number): Promise<Job | undefined> {
    const meta = await this.book.meta(id);
    if (!meta) return undefined;
    if (meta.tombstone) return meta.tombstone;
    const job = await this.queue(meta.type).getJob(bullId(id));
    if (!job) return undefined;
    return this.book.toJob(job, await job.getState(), meta);
  }

  async list(filter: Parameters<QueueEngine['list']>[0] = {}): Promise<JobList> {
    const limit = Math.max(1, Math.min(1000, Math.floor(filter.limit ?? 50)));
    const offset = Math.max(0, Math.floor(filter.offset ?? 0));
    const all: Job[] = [];
    // Newest first; a staff list, not a hot path: jobs expire from Redis after a week or a month.
    for (const id of await this.book.ids()) {
      const job = await this.get(id);
      if (job && (!filter.state || job.state === filter.state)) all.push(job);
    }
    return { items: all.slice(offset, offset + limit), total: all.length };
  }

  async claim(workerId: string, types: string[]): Promise<Job | undefined> {
    for (const type of types) {
      for (;;) {
        const token = `${workerId}:${randomBytes(4).toString('hex')}`;
        const bull = await this.worker(type).getNextJob(token, { block: false });
        if (!bull) break;
        const id = ourId(bull.id);
        const meta = (await this.book.meta(id)) as JobMeta;
        const attempt = bull.attemptsStarted - meta.givenBack;
        // Taken over from a dead worker on its last attempt, or cancelled while nobody ran it: it ends here.
        if (meta.cancel || attempt > meta.maxAttempts) {
          const why = meta.cancel ? 'cancelled' : DEAD_WORKER(attempt - 1, meta.maxAttempts);
          await this.book.note(id, { error: meta.cancel ? meta.error : why, owner: '' });
          await bull.moveToFailed(new Error(why), token, false);
          const ended = await this.get(id);
          if (ended) this.reaped.push(ended);
          continue;
        }
        const wasRunning = meta.owner !== '';
        await this.book.note(id, {
          owner: workerId,
          leaseUntil: Date.now() + this.leaseMs,
          ...(wasRunning
            ? { error: `Attempt ${attempt - 1} stopped: its worker stopped responding (lease expired).` }
            : {}),
        });
        await bull.updateProgress(0);
        this.held.set(`${id}|${workerId}`, { job: bull, token });
        return this.book.toJob(bull, 'active', (await this.book.meta(id)) as JobMeta);
      }
    }
    return undefined;
  }

  async reap(types: string[]): Promise<Job[]> {
    const out = this.reaped.filter((job) => types.includes(job.type));
    this.reaped = this.reaped.filter((job) => !types.includes(job.type));
    return out;
  }

  async heartbeat(id: number, workerId: string, progress?: number): Promise<Heartbeat> {
    const held = this.held.get(`${id}|${workerId}`);
    if (!held) return 'lost';
    if (Number(await held.job.extendLock(held.token, this.leaseMs)) !== 1) return 'lost';
    await this.book.note(id, { leaseUntil: Date.now() + this.leaseMs });
    if (progress !== undefined) await held.job.updateProgress(clampProgress(progress));
    return (await this.book.meta(id))?.cancel ? 'cancel' : 'ok';
  }

  /** Runs move (a BullMQ move out of 'active' that checks the token); a refused token is a lost lease. */
  private async finishHeld(
    id: number,
    workerId: string,
    move: (held: Held) => Promise<unknown>,
  ): Promise<Job> {
    const key = `${id}|${workerId}`;
    const held = this.held.get(key);
    if (!held) throw new JobLeaseLostError(id, workerId);
    this.held.delete(key);
    try {
      await move(held);
    } catch (err) {
      if (/lock|not in the active|does not exist/i.test((err as Error).message))
        throw new JobLeaseLostError(id, workerId);
      throw err;
    }
    await this.book.note(id, { owner: '', leaseUntil: 0 });
    return (await this.get(id)) as Job;
  }

  complete(id: number, workerId: string, result?: unknown): Promise<Job> {
    return this.finishHeld(id, workerId, (h) => h.job.moveToCompleted(result ?? null, h.token, false));
  }

  /** The worker still holds the job: what it notes beside BullMQ's hash (an error, a cancel) may be written. */
  private async holding(id: number, workerId: string): Promise<Held> {
    const held = this.held.get(`${id}|${workerId}`);
    const lock = held && (await this.redis.get(this.queue(held.job.name).toKey(`${bullId(id)}:lock`)));
    if (!held || lock !== held.token) {
      this.held.delete(`${id}|${workerId}`);
      throw new JobLeaseLostError(id, workerId);
    }
    return held;
  }

  async fail(id: number, workerId: string, error: string, opts: { permanent?: boolean } = {}): Promise<Job> {
    const held = await this.holding(id, workerId);
    const meta = await this.book.meta(id);
    const attempt = meta ? held.job.attemptsStarted - meta.givenBack : 0;
    const ends = !meta || meta.cancel || opts.permanent || attempt >= meta.maxAttempts;
    await this.book.note(id, { error });
    if (ends)
      return this.finishHeld(id, workerId, (h) => h.job.moveToFailed(new Error(error), h.token, false));
    const runAt = Date.now() + Math.max(0, this.backoffMs(attempt));
    return this.finishHeld(id, workerId, async (h) => {
      await h.job.moveToDelayed(runAt, h.token);
      await this.book.note(id, { runAt });
    });
  }

  async release(id: number, workerId: string): Promise<Job> {
    const meta = await this.book.meta(id);
    if (meta?.cancel) return this.markCancelled(id, workerId);
    return this.finishHeld(id, workerId, async (h) => {
      await h.job.moveToWait(h.token);
      await this.book.giveBack(id);
    });
  }

  async markCancelled(id: number, workerId: string): Promise<Job> {
    await this.holding(id, workerId);
    await this.book.note(id, { cancel: true });
    return this.finishHeld(id, workerId, (h) => h.job.moveToFailed(new Error('cancelled'), h.token, false));
  }

  async cancel(id: number): Promise<Job | undefined> {
    const before = await this.get(id);
    if (!before || (before.state !== 'queued' && before.state !== 'running')) return before;
    await this.book.note(id, { cancel: true });
    if (before.state === 'queued') {
      // remove() refuses a job a worker holds: then that worker sees the cancel at its next heartbeat.
      const job = await this.queue(before.type).getJob(bullId(id));
      try {
        await job?.remove();
        await this.book.bury(id, {
          ...before,
          state: 'cancelled',
          cancelRequested: true,
          finishedAt: Date.now(),
        });
      } catch {}
    }
    const after = (await this.get(id)) as Job;
    this.feed.emit(after); // a cancel request alone is no BullMQ event
    return after;
  }

  async retry(id: number, payload?: unknown): Promise<Job | undefined> {
    const before = await this.get(id);
    if (!before || (before.state !== 'failed' && before.state !== 'cancelled')) return before;
    await this.book.reset(id);
    const job = await this.queue(before.type).getJob(bullId(id));
    if (job) {
      if (payload !== undefined) await job.updateData(payload);
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    } else await this.add(before.type, id, payload ?? before.payload, 0);
    return this.get(id);
  }

  onChange(listener: (job: Job) => void): () => void {
    return this.feed.add(listener);
  }

  /** Resolves once onChange() listeners hear every change made from now on. */
  listening(): Promise<void> {
    return this.feed.listening();
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.close(true)));
    await this.feed.close();
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.redis.disconnect();
  }
}
