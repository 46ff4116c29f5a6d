import type { SearchResponse } from '@artifact-stories/contracts/schemas';
import type { FastifyInstance } from 'fastify';
import type { catalogueSql } from './search-contract-sql.ts';

/** What the cases share: the app under test, GET /api/search over HTTP inject, and SQL truths. */
export interface SearchContext {
  readonly app: FastifyInstance;
  search(params: Record<string, string | number>): Promise<SearchResponse>;
  slugs(r: SearchResponse): string[];
  catalogue(): ReturnType<typeof catalogueSql>;
}
