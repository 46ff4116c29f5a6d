import { ErrorResponse, SearchQuery, SearchResponse } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { LocalizedError } from '../../../errors/localized.ts';
import { TurnGate } from '../../../search/turn-gate.ts';

/** Searches answered per turn of the event loop (see TurnGate): a classroom's worth, then the media's turn. */
const SEARCHES_PER_TURN = 16;

/**
 * The JSON of each answer, once: a cached answer is the same object each time it is given (SearchService), and
 * writing 15 kB of JSON was most of what a cached search still cost the event loop that also serves the media.
 */
const serialized = new WeakMap<SearchResponse, string>();

const search: FastifyPluginAsyncTypebox = async (app) => {
  const turns = new TurnGate(SEARCHES_PER_TURN);
  app.get(
    '/',
    {
      schema: {
        tags: ['Search'],
        summary: 'Search published artifacts (Vietnamese or English, with or without diacritics)',
        description:
          'Typo-tolerant, prefix-matching search over titles, ethnic group names (including alternative names), ' +
          'materials, regions and stories, with facet counts and highlighted titles and story excerpts. ' +
          'An empty q lists everything published, newest first.',
        querystring: SearchQuery,
        response: { 200: SearchResponse, 400: ErrorResponse, 503: ErrorResponse },
      },
    },
    async (request, reply) => {
      await turns.wait();
      let answer: SearchResponse;
      try {
        answer = await app.searchService.search(request.query);
      } catch (err) {
        request.log.error({ err }, 'search engine failed');
        // A 5xx answer says only that it failed (errors/handler.ts); the engine's error is in the log.
        throw new LocalizedError(503, 'Search is unavailable for a moment. Please try again shortly.');
      }
      let body = serialized.get(answer);
      if (body === undefined) {
        // The route's own response schema serialises it, exactly as Fastify would have.
        body = reply.serialize(answer) as string;
        serialized.set(answer, body);
      }
      // Already JSON: sent as it is (the typed reply would only take the object).
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(body);
    },
  );
};

export default search;
