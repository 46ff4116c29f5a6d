import type { SearchResponse } from '@artifact-stories/contracts/schemas';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { SearchContext } from './search-contract-context.ts';
import { cueCases } from './search-contract-cues.ts';
import { queryCases } from './search-contract-queries.ts';
import { rankingCases } from './search-contract-ranking.ts';
import { catalogueSql } from './search-contract-sql.ts';
import { updateCases } from './search-contract-updates.ts';

/** A real app (fixture catalogue loaded, index in sync) on the engine under test. */
export interface SearchSubject {
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The behaviour both engines must show, asserted over real HTTP on /api/search against the fixture
 * catalogue; expected sets and counts come from SQL, never from the engine.
 */
export function searchContract(name: string, factory: () => Promise<SearchSubject>): void {
  describe(`search contract: ${name}`, () => {
    let subject: SearchSubject | undefined;
    const app = () => {
      if (!subject) throw new Error('the search subject failed to start');
      return subject.app;
    };
    const ctx: SearchContext = {
      get app() {
        return app();
      },
      async search(params) {
        const qs = new URLSearchParams(
          Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]),
        );
        const res = await app().inject({ method: 'GET', url: `/api/search?${qs}` });
        expect(res.statusCode, res.body).toBe(200);
        return res.json() as SearchResponse;
      },
      slugs: (r) => r.hits.map((h) => h.artifact.slug),
      catalogue: () => catalogueSql(app().db),
    };

    beforeAll(async () => {
      subject = await factory();
    });
    afterAll(async () => subject?.close());

    queryCases(ctx);
    rankingCases(ctx);
    updateCases(ctx);
    cueCases(ctx);
  });
}
