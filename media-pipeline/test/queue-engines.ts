// The two queue engines, opened the same way for the contract suite and the kill test: a store (a SQLite file,
// or a Redis with a prefix of its own) and any number of engines on it, as separate workers would open them.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { BullQueueEngine } from '../src/queue/bullmq-engine.ts';
import type { QueueEngine } from '../src/queue/engine.ts';
import { JobQueue } from '../src/queue/job-queue.ts';
import { SqliteQueueEngine } from '../src/queue/sqlite-engine.ts';
import { openQueueDb } from './queue-helpers.ts';

export interface EngineOptions {
  leaseMs?: number;
  maxAttempts?: number;
  backoffMs?: (attempt: number) => number;
}

export type EngineKind = 'sqlite' | 'bullmq';

/** Where one test's jobs live: argv for a child process names it as `<kind> <address>`. */
export interface Store {
  kind: EngineKind;
  address: string;
}

export function newStore(kind: EngineKind, where: { dir: string; redisUrl?: string }): Store {
  const unique = randomBytes(4).toString('hex');
  if (kind === 'sqlite') return { kind, address: join(where.dir, `queue-${unique}.sqlite`) };
  if (!where.redisUrl) throw new Error('the bullmq store needs a redis URL');
  return { kind, address: `${where.redisUrl}#t-${unique}` };
}

/** Opens an engine on the store; close() closes what it opened. */
export function openEngine(store: Store, opts: EngineOptions = {}): QueueEngine {
  if (store.kind === 'sqlite') {
    const db: Database.Database = openQueueDb(store.address);
    const engine = new SqliteQueueEngine(new JobQueue(db, opts));
    engine.close = async () => {
      db.close();
    };
    return engine;
  }
  const [url, prefix] = store.address.split('#') as [string, string];
  return new BullQueueEngine({ url, prefix, ...opts });
}
