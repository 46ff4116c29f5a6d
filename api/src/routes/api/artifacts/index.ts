import {
  ArtifactDetail,
  ArtifactListQuery,
  ArtifactPage,
  ErrorResponse,
  SlugParams,
} from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LocalizedError } from '../../../errors/localized.ts';

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
    async (request) => {
      const detail = app.catalogue.publishedDetail(request.params.slug);
      if (!detail) {
        throw new LocalizedError(404, {
          en: `No published artifact has the slug "${request.params.slug}".`,
          vi: `Không tìm thấy hiện vật nào đã công bố với đường dẫn «${request.params.slug}».`,
        });
      }
      return detail;
    },
  );
};

export default artifacts;
