import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '@artifact-stories/api';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../../api/src/config.ts';
import { seedArtifacts, seedReference } from '../../../api/src/services/seed.service.ts';

export interface RunningSite {
  app: FastifyInstance;
  url: string;
  dataDir: string;
  staff: { email: string; password: string };
  close(): Promise<void>;
}

/**
 * The real site on an ephemeral port: the api serving the web build from web/dist, a fresh SQLite file,
 * the fixture catalogue (groups, categories, artifacts without clips), the in-process worker, and one
 * admin account.
 */
export async function startSite(
  options: {
    webDist?: string /** false: a museum that has described nothing yet */;
    artifacts?: boolean;
  } = {},
): Promise<RunningSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'artifact-stories-web-'));
  const config = loadConfig({}, { DATA_DIR: dataDir, SEED: 'none', WORKER: 'inline', PORT: 0 });
  if (options.webDist) config.webDist = options.webDist;
  const app = await buildApp(config);
  seedReference(app.repos);
  if (options.artifacts !== false) seedArtifacts(app.repos);
  app.catalogue.refreshReference();
  const staff = { email: 'curator@museum.test', password: 'correct horse battery staple' };
  await app.staffAccounts.add({ ...staff, name: 'Curator', role: 'admin' });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    url: address,
    dataDir,
    staff,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
