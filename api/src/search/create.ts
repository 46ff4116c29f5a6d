import type { Config } from '../config.ts';
import { EmbeddedSearchEngine } from './embedded.ts';
import type { SearchEngine } from './engine.ts';
import { MeilisearchEngine } from './meilisearch.ts';

/** Meilisearch when MEILI_URL is set, else the embedded engine. */
export function createSearchEngine(
  config: Pick<Config, 'MEILI_URL' | 'MEILI_MASTER_KEY' | 'MEILI_INDEX'>,
): SearchEngine {
  if (!config.MEILI_URL) return new EmbeddedSearchEngine();
  return new MeilisearchEngine({
    url: config.MEILI_URL,
    apiKey: config.MEILI_MASTER_KEY,
    index: config.MEILI_INDEX,
  });
}
