import { buildApp } from './app.ts';
import { type Config, ConfigError, describeConfig, loadConfig } from './config.ts';
import { seedArtifacts, seedClips } from './services/seed.service.ts';

// Only starts the server: everything else is in buildApp.
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await buildApp(config, {
    logger: {
      level: config.LOG_LEVEL,
      // A person at a terminal reads lines; a container's log collector gets JSON.
      transport: process.stdout.isTTY
        ? { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } }
        : undefined,
    },
  });
  app.log.info({ config: describeConfig(config) }, 'configuration');

  if (config.SEED === 'fixtures') {
    // Reference data is already loaded (plugins/app/database.ts): this adds only the sample artifacts.
    const created = seedArtifacts(app.repos);
    if (created) app.log.info(`Loaded ${created} fixture artifacts`);
  }

  await app.listen({ port: config.PORT, host: config.HOST });
  const shown = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  const port = (app.server.address() as { port: number }).port;
  // With PUBLIC_URL set, visitors use that address (the front server's): both are said, so neither surprises.
  const at = config.PUBLIC_URL ? `; visitors use ${config.PUBLIC_URL}` : '';
  console.log(`\n  Artifact Stories is running at http://${shown}:${port}/${at}  (API docs: /api/docs)\n`);

  if (config.SEED === 'fixtures') {
    // Clips are generated after listening: the catalogue shows at once and each video turns ready as its job ends.
    seedClips(app.repos, app.videoJobs, config.uploadDir, (m) => app.log.info(m)).catch((err) =>
      app.log.error({ err }, 'seeding fixture clips failed; it resumes at the next start'),
    );
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: finishing the running job (or releasing it), closing the database`);
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((err) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
