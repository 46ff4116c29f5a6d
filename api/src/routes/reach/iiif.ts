import { ErrorResponse, SlugParams } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { buildManifest, IIIF_CONTENT_TYPE } from '../../services/reach/iiif.ts';
import { buildExhibitionCollection } from '../../services/reach/iiif-collection.ts';
import { cacheLinked, linksFor, playable, sendError } from './context.ts';

/** IIIF Presentation 3.0: one Manifest per published artifact with a ready clip, readable from any origin. */
const iiif: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/iiif/artifacts/:slug/manifest.json',
    {
      schema: {
        tags: ['Reach'],
        summary: 'IIIF Presentation 3.0 Manifest of a published artifact (video, captions, rights)',
        params: SlugParams,
        response: {
          200: Type.Unknown({ description: 'An IIIF Presentation 3.0 Manifest (application/ld+json)' }),
          404: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      // Viewers such as Mirador or Universal Viewer fetch Manifests across origins, errors included.
      reply.header('Access-Control-Allow-Origin', '*');
      const found = playable(app, request.params.slug);
      if ('status' in found) {
        return sendError(
          reply,
          404,
          'Not Found',
          `${found.message} An IIIF Manifest needs a Canvas with content.`,
        );
      }
      const manifest = buildManifest(found.detail, linksFor(app, request), app.config.LICENSE_URI);
      return (
        cacheLinked(app, reply)
          .header('Content-Type', IIIF_CONTENT_TYPE)
          // A Buffer goes out as is: a string would get `; charset=utf-8` appended to this exact media type.
          .send(Buffer.from(JSON.stringify(manifest)))
      );
    },
  );

  app.get(
    '/iiif/exhibitions/:slug/collection',
    {
      schema: {
        tags: ['Reach'],
        summary: "IIIF Presentation 3.0 Collection of a published exhibition: its items' Manifests, in order",
        params: SlugParams,
        response: {
          200: Type.Unknown({ description: 'An IIIF Presentation 3.0 Collection (application/ld+json)' }),
          404: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      reply.header('Access-Control-Allow-Origin', '*');
      const detail = app.exhibitions.publishedDetail(request.params.slug);
      if (!detail) {
        return sendError(
          reply,
          404,
          'Not Found',
          `No published exhibition has the slug "${request.params.slug}", so there is no Collection to list.`,
        );
      }
      const collection = buildExhibitionCollection(detail, linksFor(app, request), app.config.LICENSE_URI);
      return cacheLinked(app, reply)
        .header('Content-Type', IIIF_CONTENT_TYPE)
        .send(Buffer.from(JSON.stringify(collection)));
    },
  );
};

export default iiif;
