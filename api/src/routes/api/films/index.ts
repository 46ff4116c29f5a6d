import { ErrorResponse, FilmsPage, FilmsQuery } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FilmsService } from '../../../services/films.service.ts';

/** GET /api/films: the "all films" listing (issue 11) with its sorts, filters and counts. */
const films: FastifyPluginAsyncTypebox<{ films: FilmsService }> = async (app, { films: service }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['Artifacts'],
        summary: 'Published artifacts with a ready film: sorted, filtered, paged, with counts per filter',
        description:
          'order: newest (default), title (A–Z in `lang`, Vietnamese collation) or shortest. duration: short ' +
          '(< 2 min), medium (2–5 min) or long (≥ 5 min). Each facet counts what its values would give with ' +
          'the other filters kept. Drafts and artifacts without a ready film are never listed nor counted.',
        querystring: FilmsQuery,
        response: { 200: FilmsPage, 400: ErrorResponse },
      },
    },
    async (request) => service.list(request.query),
  );
};

export default films;
