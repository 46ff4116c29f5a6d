import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ArtifactDetail, ArtifactListQuery, ArtifactPage, SlugParams } from '../../../schemas/artifacts.ts';
import { ErrorResponse } from '../../../schemas/common.ts';

const artifacts: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['Artifacts'],
        summary: 'Published artifacts, filtered and paged',
        querystring: ArtifactListQuery,
        response: { 200: ArtifactPage },
      },
    },
    async (request) => app.catalogue.listPublished(request.query),
  );

  app.get(
    '/:slug',
    {
      schema: {
        tags: ['Artifacts'],
        summary: 'One published artifact with its video, story and related clips',
        params: SlugParams,
        response: { 200: ArtifactDetail, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      const detail = app.catalogue.publishedDetail(request.params.slug);
      if (!detail) return reply.notFound(`No published artifact has the slug "${request.params.slug}".`);
      return detail;
    },
  );
};

export default artifacts;
