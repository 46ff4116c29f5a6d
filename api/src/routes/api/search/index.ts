import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../schemas/common.ts';
import { SearchQuery, SearchResponse } from '../../../schemas/search.ts';

const search: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['Search'],
        summary: 'Search published artifacts (Vietnamese or English, with or without diacritics)',
        description:
          'Typo-tolerant, prefix-matching search over titles, ethnic group names (including alternative names), ' +
          'materials, regions and stories, with facet counts and highlighted titles and story excerpts. ' +
          'An empty q lists everything published, newest first.',
        querystring: SearchQuery,
        response: { 200: SearchResponse, 400: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      try {
        return await app.searchService.search(request.query);
      } catch (err) {
        request.log.error({ err }, 'search engine failed');
        return reply.serviceUnavailable('Search is unavailable for a moment. Please try again shortly.');
      }
    },
  );
};

export default search;
