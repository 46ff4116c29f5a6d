import {
  ErrorResponse,
  EthnicGroupDetail,
  EthnicGroupList,
  SlugParams,
} from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LocalizedError } from '../../../errors/localized.ts';
import { type GroupPagesService, noGroup } from '../../../services/group-pages.service.ts';

const ethnicGroups: FastifyPluginAsyncTypebox<{ groupPages: GroupPagesService }> = async (
  app,
  { groupPages },
) => {
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
        summary: "One ethnic group: its names, family, film count, the museum's description, its regions",
        params: SlugParams,
        response: { 200: EthnicGroupDetail, 404: ErrorResponse },
      },
    },
    async (request) => {
      const group = groupPages.detail(request.params.slug);
      if (!group) throw new LocalizedError(404, noGroup(request.params.slug));
      return group;
    },
  );
};

export default ethnicGroups;
