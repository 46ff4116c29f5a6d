import { REPORT_MAX_BYTES } from '@artifact-stories/contracts/limits';
import { ErrorResponse, PlaybackReport } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PlaybackHealthService } from '../../../services/playback-health.service.ts';

/**
 * A player's note on one stretch of playback: public, no cookie, nothing kept but sums. A phone reports once
 * or twice a clip (at its end, when the page is hidden), so a few dozen a minute from one address is a flood.
 */
const REPORTS_PER_MINUTE = 30;

const playbackReports: FastifyPluginAsyncTypebox<{ health: PlaybackHealthService }> = async (
  app,
  { health },
) => {
  // navigator.sendBeacon sends a string as text/plain (a JSON Blob would need a CORS preflight some browsers
  // refuse for beacons): in this route only, text/plain is read as JSON, with Fastify's safe parser.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (request, body, done) =>
    parseJson(request, body as string, done),
  );

  app.post(
    '/',
    {
      bodyLimit: REPORT_MAX_BYTES,
      config: { rateLimit: { max: REPORTS_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ['Playback health'],
        summary: 'Report playback health (start time, stalls, rungs, errors) for a published clip',
        description:
          'Sent by the player with navigator.sendBeacon. Kept only as sums per clip version, UTC day and ' +
          'network class: no cookie, no address, no identifier.',
        body: PlaybackReport,
        response: {
          204: Type.Null({ description: 'Counted' }),
          400: ErrorResponse,
          404: ErrorResponse,
          413: ErrorResponse,
          429: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      health.record(request.body);
      return reply.code(204).send(null);
    },
  );
};

export default playbackReports;
