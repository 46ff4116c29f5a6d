// Child process for queue-kill.test.ts: a worker that takes one job and works on it until it is killed.
// argv: <engine kind> <store address> <lease ms>
import { Worker } from '../src/queue/worker.ts';
import { type EngineKind, openEngine } from './queue-engines.ts';

const [kind, address, leaseMs] = process.argv.slice(2) as [EngineKind, string, string];
const queue = openEngine({ kind, address }, { leaseMs: Number(leaseMs) });
new Worker({
  queue,
  workerId: 'doomed',
  pollMs: 50,
  handlers: {
    // Reports progress and never finishes on its own: the test kills this process mid-job.
    slow: async (_job, ctx) => {
      for (let pct = 1; !ctx.signal.aborted; pct = Math.min(pct + 1, 99)) {
        ctx.progress(pct);
        await new Promise((r) => setTimeout(r, 50));
      }
      return { by: 'doomed' };
    },
  },
}).start();
