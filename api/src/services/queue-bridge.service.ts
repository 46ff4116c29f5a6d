import type { Job, JobQueue, Mirrored, QueueEngine } from '@artifact-stories/media-pipeline';

export interface QueueBridgeDeps {
  /** The api's jobs table: where the services enqueue, cancel and retry, and what the staff pages read. */
  ledger: Pick<JobQueue, 'onChange' | 'list'>;
  /** Where workers on any machine take jobs from (BullMQ on Redis). */
  engine: QueueEngine;
  /** Copies the engine's view of a job into its row (mirrorJob). */
  mirror: (job: Job) => Mirrored | undefined;
  /**
   * What the engine gets as the job's payload, when it is sent and when staff retry it: built again from the
   * catalogue, so it names the files as they are now (captions saved since, sources moved into the bucket), and a
   * job queued in an older format gets the current one.
   */
  payloadFor: (job: Job) => unknown;
  /** A worker (anywhere) took the job (VideoJobs.onJobStart). */
  onJobStart: (job: Job) => void;
  /** The catalogue's side of a job's end (VideoJobs.onJobEnd): applies a succeeded job's result. */
  onJobEnd: (job: Job) => void;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

const ACTIVE = ['queued', 'running'] as const;

/**
 * With QUEUE_URL set, the api is the one consumer between its jobs table and the BullMQ queue: a job enqueued,
 * cancelled or retried by staff goes to Redis under the same id; every change a worker makes (anywhere) comes
 * back as an event and is copied into the row. A job's result is applied to the catalogue when its row first
 * becomes 'succeeded' (one transaction decides that), so a repeated or replayed event applies nothing twice.
 */
export class QueueBridge {
  private stops: (() => void)[] = [];
  /** True while a copy from the engine is written: that change must not be sent back to the engine. */
  private mirroring = false;

  constructor(private readonly deps: QueueBridgeDeps) {}

  async start(): Promise<void> {
    this.stops.push(this.deps.engine.onChange((job) => this.fromEngine(job)));
    this.stops.push(
      this.deps.ledger.onChange((job) => {
        if (!this.mirroring) void this.toEngine(job);
      }),
    );
    await this.reconcile();
  }

  stop(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  /**
   * At start: every unfinished row is sent to the engine if Redis lacks it (enqueued while Redis was down, or
   * Redis lost it) and brought up to date if not, applying results whose event the api missed while it was down.
   */
  async reconcile(): Promise<void> {
    for (const state of ACTIVE) {
      for (const row of this.deps.ledger.list({ state, limit: 1000 }).items) {
        const there = await this.deps.engine.get(row.id).catch(() => undefined);
        if (there) this.fromEngine(there);
        else await this.toEngine(row);
      }
    }
  }

  private fromEngine(job: Job): void {
    let copied: Mirrored | undefined;
    this.mirroring = true;
    try {
      copied = this.deps.mirror(job);
    } catch (err) {
      this.deps.log('could not copy a job change from the queue', { jobId: job.id, error: String(err) });
    } finally {
      this.mirroring = false;
    }
    if (!copied) return;
    const { job: row, previous } = copied;
    if (row.state === previous) return;
    const ended = row.state !== 'running' && !(row.state === 'queued' && row.attempts === 0);
    try {
      if (ended) this.deps.onJobEnd(row);
      else if (row.state === 'running') this.deps.onJobStart(row);
    } catch (err) {
      this.deps.log('could not apply a job change', { jobId: row.id, error: String(err) });
    }
  }

  private async toEngine(job: Job): Promise<void> {
    try {
      if (job.cancelRequested || job.state === 'cancelled') {
        await this.deps.engine.cancel(job.id);
      } else if (job.state === 'queued' && job.attempts === 0) {
        const there = await this.deps.engine.get(job.id);
        if (!there)
          await this.deps.engine.enqueue(job.type, this.deps.payloadFor(job), {
            id: job.id,
            maxAttempts: job.maxAttempts,
            runAt: job.runAt,
          });
        else if (there.state === 'failed' || there.state === 'cancelled')
          await this.deps.engine.retry(job.id, this.deps.payloadFor(job));
      }
    } catch (err) {
      // Redis away: the row stays queued and the next start's reconcile() sends it.
      this.deps.log('could not pass a job to the queue; it will be sent again at the next start', {
        jobId: job.id,
        error: String(err),
      });
    }
  }
}
