import {
  ErrorResponse,
  ExhibitionDetail,
  ExhibitionList,
  SlugParams,
} from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LocalizedError } from '../../../errors/localized.ts';

/** Published exhibitions: the list for the home page, and one with its items ready to play in order. */
const exhibitions: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['Exhibitions'],
        summary: 'Published exhibitions with something to watch, newest first',
        response: { 200: ExhibitionList },
      },
    },
    async () => app.exhibitions.listPublished(),
  );

  app.get(
    '/:slug',
    {
      schema: {
        tags: ['Exhibitions'],
        summary: 'One published exhibition: introduction and the items visitors can watch, in order',
        params: SlugParams,
        response: { 200: ExhibitionDetail, 404: ErrorResponse },
      },
    },
    async (request) => {
      const found = app.exhibitions.publishedDetail(request.params.slug);
      // A draft, an unknown slug and an exhibition with nothing left to watch answer alike.
      if (!found) {
        throw new LocalizedError(404, {
          en: `No published exhibition has the web address "${request.params.slug}". See the exhibitions on the home page.`,
          vi: `Không có triển lãm nào đã xuất bản với đường dẫn «${request.params.slug}». Hãy xem các triển lãm trên trang chủ.`,
        });
      }
      return found;
    },
  );
};

export default exhibitions;
