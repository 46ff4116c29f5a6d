// The BullMQ engine's onChange(): BullMQ's per-queue event streams in Redis, so the api hears what workers on
// any machine do. Each event names the state it reports, so 'succeeded' reaches listeners once per completion
// even when a slower event about the same job is read after it.
import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { type BullJobBook, ourId } from './bullmq-book.ts';
import type { Job } from './schema.ts';

export class BullEventFeed {
  private readonly listeners = new Set<(job: Job) => void>();
  private readonly streams = new Map<string, Promise<QueueEvents>>();
  private following: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly book: BullJobBook,
    private readonly get: (id: number) => Promise<Job | undefined>,
  ) {}

  add(listener: (job: Job) => void): () => void {
    this.listeners.add(listener);
    this.following = this.book.types().then((types) => Promise.all(types.map((type) => this.follow(type))));
    return () => this.listeners.delete(listener);
  }

  async listening(): Promise<void> {
    await this.following;
  }

  /** Starts reading one job type's events, once there is anyone to tell. */
  async follow(type: string): Promise<void> {
    if (this.listeners.size === 0) return;
    let stream = this.streams.get(type);
    if (!stream) {
      stream = this.subscribe(type);
      this.streams.set(type, stream);
    }
    await stream;
  }

  emit(job: Job): void {
    for (const listener of this.listeners) {
      try {
        listener(job);
      } catch (err) {
        process.emitWarning(`queue onChange listener threw: ${(err as Error)?.message ?? err}`);
      }
    }
  }

  private async subscribe(type: string): Promise<QueueEvents> {
    // Read on from the stream's newest event, not from whenever the subscription happens to start: nothing
    // that changes after onChange() returns is missed.
    const newest = await this.redis.xrevrange(`${this.prefix}:${type}:events`, '+', '-', 'COUNT', 1);
    const events = new QueueEvents(type, {
      connection: { ...this.redis.options },
      prefix: this.prefix,
      lastEventId: newest[0]?.[0] ?? '0-0',
    });
    const report = async (jobId: string, state?: Job['state']) => {
      const job = await this.get(ourId(jobId)).catch(() => undefined);
      if (job) this.emit(state && job.state !== 'cancelled' ? { ...job, state } : job);
    };
    events.on('error', () => {}); // a dropped connection reconnects by itself
    events.on('waiting', ({ jobId }) => void report(jobId, 'queued'));
    events.on('delayed', ({ jobId }) => void report(jobId, 'queued'));
    events.on('active', ({ jobId }) => void report(jobId, 'running'));
    events.on('progress', ({ jobId }) => void report(jobId, 'running'));
    events.on('completed', ({ jobId }) => void report(jobId, 'succeeded'));
    events.on('failed', ({ jobId }) => void report(jobId));
    events.on('removed', ({ jobId }) => void report(jobId));
    await events.waitUntilReady();
    return events;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await Promise.all([...this.streams.values()].map(async (s) => (await s).close()));
  }
}
