import { ChaptersBody, ErrorResponse, IdParams, StaffChapters } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { StaffServices } from '../../../../container.ts';

const security = [{ session: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** GET and PUT /api/staff/artifacts/:id/chapters: catalogue data, saved without a new media version. */
const chapters: FastifyPluginAsyncTypebox<{ services: StaffServices }> = async (app, { services }) => {
  app.get(
    '/:id/chapters',
    {
      schema: {
        tags: ['Staff'],
        summary: 'The chapters of an artifact, with the length of the film they must fit in',
        security,
        params: IdParams,
        response: { 200: StaffChapters, ...errors },
      },
    },
    async (request) => services.chapters.get(request.params.id),
  );

  app.put(
    '/:id/chapters',
    {
      schema: {
        tags: ['Staff'],
        summary: 'Replace the chapters of an artifact (no transcode, no new media version)',
        description:
          'Saved sorted by start. Refused as a whole with 400 (code invalid_chapters, field chapters.<row>.<field>) ' +
          'when a start lies outside the film, two starts are equal, a Vietnamese title is missing, or there are ' +
          'more than 30. Visitors see them once the artifact is published.',
        security,
        params: IdParams,
        body: ChaptersBody,
        response: { 200: StaffChapters, ...errors },
      },
    },
    async (request) => services.chapters.save(request.params.id, request.body.chapters),
  );
};

export default chapters;
