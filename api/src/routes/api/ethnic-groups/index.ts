import { ErrorResponse, EthnicGroup, EthnicGroupList, SlugParams } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LocalizedError } from '../../../errors/localized.ts';

const ethnicGroups: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['Ethnic groups'],
        summary: 'The 54 ethnic groups and the eight language families, with published-artifact counts',
        response: { 200: EthnicGroupList },
      },
    },
    async () => app.catalogue.ethnicGroups(),
  );

  app.get(
    '/:slug',
    {
      schema: {
        tags: ['Ethnic groups'],
        summary: 'One ethnic group',
        params: SlugParams,
        response: { 200: EthnicGroup, 404: ErrorResponse },
      },
    },
    async (request) => {
      const group = app.catalogue.ethnicGroup(request.params.slug);
      if (!group) {
        throw new LocalizedError(404, {
          en: `No ethnic group has the slug "${request.params.slug}".`,
          vi: `Không tìm thấy dân tộc nào với đường dẫn «${request.params.slug}».`,
        });
      }
      return group;
    },
  );
};

export default ethnicGroups;
