import {
  ErrorResponse,
  EthnicGroupDetail,
  GroupDescriptionInput,
  SlugParams,
} from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { StaffServices } from '../../../container.ts';

const security = [{ session: [] }];

/** PUT /api/staff/ethnic-groups/:slug/description: the museum's words on a group's page, both languages. */
const ethnicGroups: FastifyPluginAsyncTypebox<{ services: StaffServices }> = async (app, { services }) => {
  app.put(
    '/ethnic-groups/:slug/description',
    {
      schema: {
        tags: ['Staff'],
        summary: "Write an ethnic group's description (Markdown, Vietnamese and English)",
        description:
          'Both languages at once; an empty one is "not written yet" and the page shows the other. Rendered and ' +
          'sanitised as stories are. Any signed-in staff member may write it.',
        security,
        params: SlugParams,
        body: GroupDescriptionInput,
        response: {
          200: EthnicGroupDetail,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
        },
      },
    },
    async (request) =>
      services.groupPages.saveDescription(
        request.params.slug,
        request.body.description,
        request.staff?.id ?? null,
      ),
  );
};

export default ethnicGroups;
