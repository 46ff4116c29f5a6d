// What the BullMQ engine keeps beside BullMQ's own job hashes: numeric job ids (the catalogue stores them), a
// cancel request that any machine can read, attempts given back by graceful releases, the last error of a job
// that will be retried, and a cancelled-while-queued job (BullMQ removes those, the staff list keeps them).
import type { Job as BullJob, JobState as BullState } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Job } from './schema.ts';

/** BullMQ refuses integer ids: job 42 is 'j42' in Redis. */
export const bullId = (id: number): string => `j${id}`;
export const ourId = (bullJobId: string | undefined): number => Number(String(bullJobId).slice(1));

export interface JobMeta {
  type: string;
  maxAttempts: number;
  cancel: boolean;
  givenBack: number;
  error: string | null;
  /** '' when no worker holds the job. */
  owner: string;
  leaseUntil: number;
  runAt: number;
  updatedAt: number;
  tombstone?: Job;
}

type Note = Partial<Pick<JobMeta, 'cancel' | 'error' | 'owner' | 'leaseUntil' | 'runAt'>>;

/** Metadata outlives the job hashes BullMQ keeps (a week, a month) a little, then goes too. */
const META_TTL_MS = 31 * 24 * 3600_000;

export class BullJobBook {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(id: number): string {
    return `${this.prefix}:job-meta:${id}`;
  }

  async create(type: string, maxAttempts: number, now: number, given?: number): Promise<number> {
    const id = given ?? (await this.redis.incr(`${this.prefix}:job-seq`));
    await this.redis
      .multi()
      .hset(this.key(id), {
        type,
        maxAttempts,
        cancel: 0,
        givenBack: 0,
        owner: '',
        updatedAt: now,
        runAt: now,
      })
      .pexpire(this.key(id), META_TTL_MS)
      .zadd(`${this.prefix}:job-ids`, id, String(id))
      .sadd(`${this.prefix}:job-types`, type)
      .exec();
    return id;
  }

  async meta(id: number): Promise<JobMeta | undefined> {
    const h = await this.redis.hgetall(this.key(id));
    if (!h.type) return undefined;
    return {
      type: h.type,
      maxAttempts: Number(h.maxAttempts),
      cancel: h.cancel === '1',
      givenBack: Number(h.givenBack ?? 0),
      error: h.error ? h.error : null,
      owner: h.owner ?? '',
      leaseUntil: Number(h.leaseUntil ?? 0),
      runAt: Number(h.runAt ?? 0),
      updatedAt: Number(h.updatedAt ?? 0),
      ...(h.tombstone ? { tombstone: JSON.parse(h.tombstone) as Job } : {}),
    };
  }

  async note(id: number, note: Note): Promise<void> {
    const fields: Record<string, string | number> = { updatedAt: Date.now() };
    for (const [k, v] of Object.entries(note)) fields[k] = typeof v === 'boolean' ? Number(v) : (v ?? '');
    await this.redis.hset(this.key(id), fields);
  }

  async giveBack(id: number): Promise<void> {
    await this.redis.hincrby(this.key(id), 'givenBack', 1);
  }

  async bury(id: number, job: Job): Promise<void> {
    await this.redis.hset(this.key(id), { tombstone: JSON.stringify(job), updatedAt: Date.now() });
  }

  /** A retry starts over: no cancel, no attempts given back, no error, no tombstone. */
  async reset(id: number): Promise<void> {
    await this.redis
      .multi()
      .hset(this.key(id), {
        cancel: 0,
        givenBack: 0,
        error: '',
        owner: '',
        leaseUntil: 0,
        updatedAt: Date.now(),
      })
      .hdel(this.key(id), 'tombstone')
      .exec();
  }

  /** Newest first. */
  async ids(): Promise<number[]> {
    return (await this.redis.zrevrange(`${this.prefix}:job-ids`, 0, -1)).map(Number);
  }

  async types(): Promise<string[]> {
    return this.redis.smembers(`${this.prefix}:job-types`);
  }

  toJob(bull: BullJob, state: BullState | 'unknown', meta: JobMeta): Job {
    const ours: Job['state'] =
      state === 'active'
        ? 'running'
        : state === 'completed'
          ? 'succeeded'
          : state === 'failed'
            ? meta.cancel
              ? 'cancelled'
              : 'failed'
            : 'queued';
    const running = ours === 'running';
    const ended = ours === 'succeeded' || ours === 'failed' || ours === 'cancelled';
    const progress = typeof bull.progress === 'number' ? bull.progress : 0;
    return {
      id: ourId(bull.id),
      type: meta.type,
      payload: bull.data,
      state: ours,
      attempts: Math.max(0, (bull.attemptsStarted ?? 0) - meta.givenBack),
      maxAttempts: meta.maxAttempts,
      progress: ours === 'succeeded' ? 100 : ours === 'queued' ? 0 : progress,
      error: ours === 'succeeded' ? null : meta.error,
      leaseOwner: running && meta.owner ? meta.owner : null,
      leaseExpiresAt: running ? meta.leaseUntil : null,
      runAt: meta.runAt || bull.timestamp + (bull.delay ?? 0),
      cancelRequested: meta.cancel,
      createdAt: bull.timestamp,
      updatedAt: Math.max(meta.updatedAt, bull.processedOn ?? 0, bull.finishedOn ?? 0),
      startedAt: bull.processedOn ?? null,
      finishedAt: ended ? (bull.finishedOn ?? meta.updatedAt) : null,
      result: ours === 'succeeded' ? (bull.returnvalue ?? null) : null,
    };
  }
}
