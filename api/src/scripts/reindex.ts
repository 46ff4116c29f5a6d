import { ConfigError, loadConfig } from '../config.ts';
import { createContainer } from '../container.ts';
import { syncReference } from '../services/reference.service.ts';
import type { RebuildProgress } from '../services/search-sync.service.ts';

// `npm run reindex`: rebuilds the configured search engine from SQLite, with a progress bar.

/** cli-progress is a development dependency: without it (a pruned production image) plain lines are printed. */
async function progressBar(): Promise<{ update: RebuildProgress; stop: () => void }> {
  try {
    const { SingleBar, Presets } = await import('cli-progress');
    const bar = new SingleBar(
      { format: 'indexing [{bar}] {value}/{total} artifacts  {eta}s left' },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update: (done, total) => {
        if (!started) bar.start(total, done);
        started = true;
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  } catch {
    return { update: (done, total) => console.log(`indexed ${done}/${total}`), stop: () => {} };
  }
}

async function main(): Promise<number> {
  const config = loadConfig();
  const container = createContainer(config);
  // Search documents name the groups, families and categories: an index built before the api ever started
  // must still have them.
  syncReference(container.repos.catalogue);
  const { engine, sync } = container.search;
  try {
    if (engine.inMemory) {
      console.log(
        'MEILI_URL is empty, so search uses the embedded index, which lives inside the api process and is rebuilt ' +
          'at every start. This run builds it once to check that every published artifact indexes cleanly; ' +
          'restart the api to rebuild the one it serves.',
      );
    }
    const started = Date.now();
    const bar = await progressBar();
    // An offline build of the embedded index must leave the outbox to the running api. Meilisearch is
    // filled in a second index and swapped in at the end: visitors search the old one meanwhile.
    let count: number;
    try {
      count = await sync.rebuild(bar.update, !engine.inMemory);
    } catch (err) {
      bar.stop();
      if ((err as Error).name !== 'MeilisearchRequestError') throw err;
      console.error(
        `Meilisearch at ${config.MEILI_URL} is unreachable (${(err as Error).message}). Start it (docker compose ` +
          'up -d meilisearch) or unset MEILI_URL to use the embedded engine, then run this again.',
      );
      return 1;
    }
    bar.stop();
    const caughtUp = engine.inMemory ? 0 : await sync.drain();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `Indexed ${count} published artifact(s) with the ${engine.name} engine in ${seconds} s` +
        (caughtUp ? `; then applied ${caughtUp} change(s) made meanwhile.` : '.'),
    );
    return 0;
  } finally {
    await container.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : `reindex failed: ${(err as Error).message}`);
    process.exit(1);
  },
);
