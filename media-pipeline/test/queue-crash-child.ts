// Child process for queue-crash.test.ts: a worker that transcodes, to be killed mid-job.
// argv: <database file>
import { JobQueue } from '../src/queue/job-queue.ts';
import { SqliteQueueEngine } from '../src/queue/sqlite-engine.ts';
import { Worker } from '../src/queue/worker.ts';
import { CRASH_LEASE_MS, transcodeHandler } from './queue-crash-handler.ts';
import { openQueueDb } from './queue-helpers.ts';

const [file] = process.argv.slice(2) as [string];
const queue = new JobQueue(openQueueDb(file), { leaseMs: CRASH_LEASE_MS });
new Worker({
  queue: new SqliteQueueEngine(queue),
  handlers: { transcode: transcodeHandler },
  workerId: 'doomed',
  pollMs: 100,
}).start();
