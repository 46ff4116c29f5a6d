// Child process for queue.test.ts: claims and completes 't' jobs until none is left, racing its siblings.
// argv: <database file> <worker id>. Prints 'ready', waits for a line on stdin, then prints the claimed
// ids as JSON.
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { JobQueue } from '../src/queue/job-queue.ts';
import { openQueueDb } from './queue-helpers.ts';

const [file, workerId] = process.argv.slice(2) as [string, string];
const queue = new JobQueue(openQueueDb(file));
process.stdout.write('ready\n');
await once(process.stdin, 'data'); // all siblings start together
const claimed: number[] = [];
for (;;) {
  const job = queue.claim(workerId, ['t']);
  if (!job) break;
  claimed.push(job.id);
  await sleep(1);
  queue.complete(job.id, workerId);
}
process.stdout.write(JSON.stringify(claimed));
process.exit(0);
