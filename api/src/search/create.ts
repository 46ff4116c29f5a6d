import type { Config } from '../config.ts';
import { CachedSearchEngine } from './cached.ts';
import { EmbeddedSearchEngine } from './embedded.ts';
import type { SearchEngine } from './engine.ts';
import { MeilisearchEngine } from './meilisearch.ts';

/** Meilisearch when MEILI_URL is set, else the embedded engine; either way its answers are cached. */
export function createSearchEngine(
  config: Pick<Config, 'MEILI_URL' | 'MEILI_MASTER_KEY' | 'MEILI_INDEX'>,
): SearchEngine {
  const engine = config.MEILI_URL
    ? new MeilisearchEngine({
        url: config.MEILI_URL,
        apiKey: config.MEILI_MASTER_KEY,
        index: config.MEILI_INDEX,
      })
    : new EmbeddedSearchEngine();
  return new CachedSearchEngine(engine);
}
