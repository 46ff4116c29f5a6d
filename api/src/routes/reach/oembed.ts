import { parseMoment } from '@artifact-stories/contracts/moment';
import { ErrorResponse } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { buildOEmbed, pageFromUrl } from '../../services/reach/oembed.ts';
import { cacheLinked, linksFor, playable, sendError } from './context.ts';

const OEmbedQuery = Type.Object({
  url: Type.String({
    minLength: 1,
    maxLength: 2000,
    description: 'An artifact page (or embed) URL of this site',
  }),
  maxwidth: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  maxheight: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  format: Type.Optional(Type.String({ maxLength: 20, description: 'Only json is offered' })),
});

const OEmbedResponse = Type.Object({
  version: Type.Literal('1.0'),
  type: Type.Literal('video'),
  title: Type.String(),
  provider_name: Type.String(),
  provider_url: Type.String(),
  author_name: Type.String(),
  author_url: Type.String(),
  html: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  cache_age: Type.Integer(),
  thumbnail_url: Type.Optional(Type.String()),
  thumbnail_width: Type.Optional(Type.Integer()),
  thumbnail_height: Type.Optional(Type.Integer()),
});

/** oEmbed 1.0 provider: other sites paste an artifact link and get our player as an iframe. */
const oembed: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/oembed',
    {
      schema: {
        tags: ['Reach'],
        summary: 'oEmbed (video) for an artifact page URL',
        querystring: OEmbedQuery,
        response: { 200: OEmbedResponse, 404: ErrorResponse, 501: ErrorResponse },
      },
    },
    async (request, reply) => {
      reply.header('Access-Control-Allow-Origin', '*');
      const { url, maxwidth, maxheight, format } = request.query;
      if (format !== undefined && format !== 'json') {
        return sendError(
          reply,
          501,
          'Not Implemented',
          `Format "${format}" is not offered; ask for format=json.`,
        );
      }
      const links = linksFor(app, request);
      const page = pageFromUrl(url, links.base);
      if (!page) {
        return sendError(
          reply,
          404,
          'Not Found',
          `${url} is not an artifact page of this site; expected ${links.base}/artifacts/<slug>.`,
        );
      }
      const found = playable(app, page.slug);
      if ('status' in found) return sendError(reply, 404, 'Not Found', found.message);
      const { lang } = page;
      const params = new URL(url).searchParams;
      // A time that does not parse is dropped, as the pages drop it: the clip then starts at the beginning.
      const moment = parseMoment(params.get('t'));
      return cacheLinked(app, reply).send(
        buildOEmbed(found.detail, links, { maxWidth: maxwidth, maxHeight: maxheight, lang, moment }),
      );
    },
  );
};

export default oembed;
