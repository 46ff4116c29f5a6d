import { ConfigError, loadConfig } from '../config.ts';
import { createContainer } from '../container.ts';
import type { Logger } from '../logger.ts';
import { createRemoteWorker } from '../worker-container.ts';

// `npm run worker`: transcodes apart from the api (start the api with WORKER=off). With QUEUE_URL it takes jobs
// from Redis and opens no catalogue: it needs only the queue and the storage (the bucket, or DATA_DIR's media
// folder), so it may run on another machine, as many as you like (`docker compose up --scale worker=N`).
// Without QUEUE_URL the queue is the catalogue's own SQLite file, so it shares DATA_DIR with the api.
try {
  const config = loadConfig();
  const line = (fields: Record<string, unknown>, msg: string) =>
    console.log(msg, Object.keys(fields).length ? JSON.stringify(fields) : '');
  const log: Logger = { info: line, warn: line, error: line };
  const parts = config.QUEUE_URL ? createRemoteWorker(config, { log }) : local(config, log);
  parts.worker.start();
  console.log(`worker started on ${config.QUEUE_URL ? 'Redis (QUEUE_URL)' : config.dbFile}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      console.log(`${signal}: stopping (the running job finishes or goes back to the queue)`);
      await parts.worker.stop({ graceMs: 30_000 });
      await parts.close();
      process.exit(0);
    });
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `error: ${(err as Error).message}`);
  process.exit(1);
}

function local(config: ReturnType<typeof loadConfig>, log: Logger) {
  const container = createContainer(config, { log });
  return { worker: container.worker(), close: () => container.close() };
}
