// Child process for hardening-pipeline.test.ts (item 10): a worker with the default (host:pid) id that
// transcodes, to be killed with SIGKILL mid-job. argv: <database file>
import { JobQueue } from '../src/queue/job-queue.ts';
import { SqliteQueueEngine } from '../src/queue/sqlite-engine.ts';
import { Worker } from '../src/queue/worker.ts';
import { transcodeHandler } from './queue-crash-handler.ts';
import { openQueueDb } from './queue-helpers.ts';

const [file] = process.argv.slice(2) as [string];
// A long lease: the next worker must clean up at once, because the holder is dead, not because time passed.
const queue = new JobQueue(openQueueDb(file), { leaseMs: 10 * 60_000 });
new Worker({
  queue: new SqliteQueueEngine(queue),
  handlers: { transcode: transcodeHandler },
  pollMs: 100,
}).start();
