import { randomUUID } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { describe } from 'vitest';
import { makeTestApp } from './helpers.ts';
import { searchContract } from './search-contract.ts';

// The same contract against a real Meilisearch. It needs a running server, which this repository cannot
// start by itself, so it is the one optional suite.
const url = process.env.MEILI_URL ?? '';
const key = process.env.MEILI_MASTER_KEY ?? '';

if (!url) {
  console.log(
    '[search-meilisearch] skipped: MEILI_URL is unset. To run it: docker run -d -p 7700:7700 ' +
      '-e MEILI_MASTER_KEY=test getmeili/meilisearch:v1.12.8, then ' +
      'MEILI_URL=http://127.0.0.1:7700 MEILI_MASTER_KEY=test npx vitest run --project api test/search-meilisearch.test.ts',
  );
}

describe.skipIf(!url)('meilisearch engine', () => {
  searchContract('meilisearch', async () => {
    // A fresh index per run, removed afterwards, so runs never see each other's documents.
    const index = `artifacts-test-${randomUUID().slice(0, 8)}`;
    const { app } = await makeTestApp({
      catalogue: true,
      config: { MEILI_URL: url, MEILI_MASTER_KEY: key, MEILI_INDEX: index },
    });
    return {
      app,
      close: async () => {
        await app.close();
        await new Meilisearch({ host: url, apiKey: key || undefined }).deleteIndex(index).waitTask();
      },
    };
  });
});
