import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { type Config, loadConfig, type RawConfig } from '../src/config.ts';
import { seedArtifacts, seedReference } from '../src/services/seed.service.ts';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  dataDir: string;
}

/**
 * A real app on a real SQLite file in a fresh folder. `catalogue: true` loads the fixture groups and
 * artifacts (no clips: tests that need media make their own). No worker unless asked.
 */
export async function makeTestApp(
  options: { catalogue?: boolean; config?: Partial<RawConfig> } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'artifact-stories-'));
  const config = loadConfig({}, { DATA_DIR: dataDir, SEED: 'none', WORKER: 'off', ...options.config });
  const app = await buildApp(config);
  if (options.catalogue) {
    seedReference(app.repos);
    seedArtifacts(app.repos);
    app.catalogue.refreshReference();
    if (app.hasDecorator('searchSync')) await app.searchSync.drain();
  }
  return { app, config, dataDir };
}
