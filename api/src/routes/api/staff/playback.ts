import { ErrorResponse, PlaybackHealth, PlaybackQuery } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { StaffServices } from '../../../container.ts';

/** The playback health dashboard's numbers, per clip version. */
const playback: FastifyPluginAsyncTypebox<{ services: StaffServices }> = async (app, { services }) => {
  app.get(
    '/playback',
    {
      schema: {
        tags: ['Staff'],
        summary: 'Playback health per clip: plays, median and 90th-percentile start, stall ratio, rungs',
        security: [{ session: [] }],
        querystring: PlaybackQuery,
        response: { 200: PlaybackHealth, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => services.playback.summary(request.query.days ?? 7, request.query.network ?? 'all'),
  );
};

export default playback;
