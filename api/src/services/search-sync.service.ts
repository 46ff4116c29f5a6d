import type { SearchIndexStateRepository } from '../repositories/search-index-state.repository.ts';
import type { SearchOutboxRepository } from '../repositories/search-outbox.repository.ts';
import type { IndexReplacement, SearchEngine } from '../search/engine.ts';
import type { SearchDocuments } from './search-documents.ts';

export interface SyncLog {
  info(msg: string): void;
  warn(msg: string): void;
}

export interface SearchSyncOptions {
  outbox: Pick<
    SearchOutboxRepository,
    'hasPending' | 'count' | 'oldest' | 'after' | 'snapshot' | 'deleteUpTo' | 'delete'
  >;
  documents: Pick<SearchDocuments, 'publishedIds' | 'build' | 'synonyms'>;
  /** The rebuild marker: which index the outbox feeds, and whether its last rebuild finished. */
  state: Pick<SearchIndexStateRepository, 'isBuilt' | 'markBuilding' | 'markBuilt'>;
  engine: SearchEngine;
  log?: SyncLog;
  /** Outbox rows (and documents) per engine call. */
  batchSize?: number;
  /** Pause between background passes; doubled after each failure up to maxBackoffMs. */
  intervalMs?: number;
  maxBackoffMs?: number;
}

export type RebuildProgress = (done: number, total: number) => void;

const silent: SyncLog = { info() {}, warn() {} };

/**
 * Carries catalogue changes to the search engine. Every artifact write leaves a row in `search_outbox`
 * (same transaction); a pass turns the rows into upserts and removals and deletes them only once the
 * engine has accepted the change, so a change made while the engine is down arrives when it is back.
 * Passes never overlap: drain, rebuild and the background loop share one queue.
 */
export class SearchSync {
  private readonly batchSize: number;
  private readonly intervalMs: number;
  private readonly maxBackoffMs: number;
  private readonly log: SyncLog;
  private queue: Promise<unknown> = Promise.resolve();
  private settingsKey?: string;
  private built = false;
  private timer?: NodeJS.Timeout;
  private running = false;
  private failures = 0;
  /** Rows applied to the live index but kept while another process rebuilds it (see drainRows). */
  private keptUpTo = 0;

  constructor(private readonly opts: SearchSyncOptions) {
    this.batchSize = opts.batchSize ?? 200;
    this.intervalMs = opts.intervalMs ?? 1000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 30_000;
    this.log = opts.log ?? silent;
  }

  /** Processes every outbox row; returns how many rows were processed. */
  drain(): Promise<number> {
    return this.exclusive(async () => {
      await this.prepare();
      return this.drainRows();
    });
  }

  /**
   * Rebuilds the index from SQLite. With `consumeOutbox` (the index this process serves) the rows the
   * rebuild covered are deleted; an offline rebuild of an in-memory engine must leave them to the server.
   */
  rebuild(progress?: RebuildProgress, consumeOutbox = true): Promise<number> {
    return this.exclusive(async () => {
      await this.applySettings();
      const n = await this.rebuildNow(progress, consumeOutbox);
      this.built = true;
      return n;
    });
  }

  /**
   * Whether any change still waits for the engine: until it has passed, the index lags the database and
   * answers built on both must not be reused.
   */
  hasPending(): boolean {
    return this.opts.outbox.hasPending();
  }

  /** Rows waiting for the engine. */
  pending(): number {
    return this.opts.outbox.count();
  }

  /** Background passes about every second, backing off while the engine fails. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(this.intervalMs);
  }

  /** Stops the loop and waits for a pass in flight. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.queue.catch(() => {});
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.tick(), ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      const n = await this.drain();
      if (this.failures > 0) this.log.info(`search engine reachable again; ${n} change(s) caught up`);
      this.failures = 0;
    } catch (err) {
      this.failures++;
      // One warning per outage, not one per retry.
      if (this.failures === 1) {
        let waiting = '';
        try {
          waiting = `; ${this.pending()} change(s) wait in the outbox and are retried`;
        } catch {
          // The database is closing: nothing to report.
        }
        this.log.warn(`search index update failed (${(err as Error).message})${waiting}`);
      }
    }
    const backoff = Math.min(this.intervalMs * 2 ** this.failures, this.maxBackoffMs);
    this.schedule(this.failures ? backoff : this.intervalMs);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * Settings first (again when the ethnic groups changed). An in-memory index is built once from SQLite; so
   * is a persistent one unless the marker says the outbox has fed it since its last whole rebuild (not after
   * a switch of engines, a rebuild that failed halfway or a restore), or found empty while the catalogue is
   * not (a new volume).
   */
  private async prepare(): Promise<void> {
    const { engine, documents, state } = this.opts;
    await this.applySettings();
    if (this.built) return;
    const stale =
      engine.inMemory ||
      !state.isBuilt(engine.indexKey) ||
      ((await engine.documentCount()) === 0 && documents.publishedIds().length > 0);
    if (stale) await this.rebuildNow(undefined, true);
    this.built = true;
  }

  private async applySettings(): Promise<void> {
    const synonyms = this.opts.documents.synonyms();
    const key = JSON.stringify(synonyms);
    if (key === this.settingsKey) return;
    await this.opts.engine.init(synonyms);
    this.settingsKey = key;
  }

  /**
   * Applies the outbox to the live index. While another process (`npm run reindex`) fills the next index, the
   * marker says "building": rows are applied here but kept, because the rebuild may have read an artifact
   * before this change; it carries every row past its snapshot into the new index once it is swapped in.
   */
  private async drainRows(): Promise<number> {
    const { outbox, documents, engine, state } = this.opts;
    // An in-memory index is this process's own: no other process rebuilds it.
    const keep = !engine.inMemory && !state.isBuilt(engine.indexKey);
    if (!keep) this.keptUpTo = 0;
    let processed = 0;
    for (;;) {
      const rows = keep ? outbox.after(this.keptUpTo, this.batchSize) : outbox.oldest(this.batchSize);
      if (!rows.length) return processed;
      const ids = [...new Set(rows.map((r) => r.artifactId))];
      // Documents are read after the rows, so they show at least the state each row announced.
      const docs = await documents.build(ids);
      const published = new Set(docs.map((d) => d.id));
      const gone = ids.filter((id) => !published.has(id));
      if (docs.length) await engine.upsert(docs);
      if (gone.length) await engine.remove(gone);
      if (keep) this.keptUpTo = rows[rows.length - 1]?.id ?? this.keptUpTo;
      else outbox.delete(rows.map((r) => r.id));
      processed += rows.length;
    }
  }

  /**
   * Fills the index from SQLite: a second one swapped in at the end where the engine has it (searches keep
   * the old answers meanwhile), else the index itself, emptied first. With `consumeOutbox` the marker says
   * "building" until the end, so a rebuild cut short is done again at the next start.
   */
  private async rebuildNow(progress: RebuildProgress | undefined, consumeOutbox: boolean): Promise<number> {
    const { outbox, documents, engine, state } = this.opts;
    // One consistent snapshot: rows up to `upTo` are covered by the documents read after it.
    const { upTo, value: ids } = outbox.snapshot(() => documents.publishedIds());
    if (consumeOutbox) state.markBuilding(engine.indexKey);
    let target: IndexReplacement | SearchEngine = engine;
    if (engine.replacement) target = await engine.replacement();
    else await engine.clear();
    progress?.(0, ids.length);
    for (let i = 0; i < ids.length; i += this.batchSize) {
      const docs = await documents.build(ids.slice(i, i + this.batchSize));
      if (docs.length) await target.upsert(docs);
      progress?.(Math.min(i + this.batchSize, ids.length), ids.length);
    }
    if ('commit' in target) await target.commit();
    if (consumeOutbox) {
      outbox.deleteUpTo(upTo);
      state.markBuilt(engine.indexKey);
    }
    return ids.length;
  }
}
