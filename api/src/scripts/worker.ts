import { ConfigError, loadConfig } from '../config.ts';
import { createContainer, type Logger } from '../container.ts';

// `npm run worker`: transcodes apart from the api (start the api with WORKER=off), sharing DATA_DIR; with
// QUEUE_URL it takes jobs from Redis, so several can run (`docker compose up --scale worker=N`).
try {
  const config = loadConfig();
  const line = (fields: Record<string, unknown>, msg: string) =>
    console.log(msg, Object.keys(fields).length ? JSON.stringify(fields) : '');
  const log: Logger = { info: line, warn: line, error: line };
  const container = createContainer(config, { log });
  const worker = container.worker();
  worker.start();
  console.log(`worker started on ${config.QUEUE_URL ? 'Redis (QUEUE_URL)' : config.dbFile}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, async () => {
      console.log(`${signal}: stopping (the running job finishes or goes back to the queue)`);
      await worker.stop({ graceMs: 30_000 });
      await container.close();
      process.exit(0);
    });
  }
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : `error: ${(err as Error).message}`);
  process.exit(1);
}
