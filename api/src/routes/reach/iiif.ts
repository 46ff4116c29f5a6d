import { ErrorResponse, SlugParams } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { buildManifest, IIIF_CONTENT_TYPE } from '../../services/reach/iiif.ts';
import { buildExhibitionCollection } from '../../services/reach/iiif-collection.ts';
import type { SiteLinks } from '../../services/reach/links.ts';
import { cacheLinked, linksFor, playable, sendError } from './context.ts';

/** What a IIIF route finds for a slug: the document to send, or why there is none (a 404's message). */
type Found = { document: object } | { missing: string };

/**
 * IIIF Presentation 3.0: one Manifest per published artifact with a ready clip, one Collection per published
 * exhibition, readable from any origin.
 */
const iiif: FastifyPluginAsyncTypebox = async (app) => {
  /** One IIIF document route: the shape both share, from the schema to the bytes sent. */
  function iiifRoute(
    url: string,
    kind: 'Manifest' | 'Collection',
    summary: string,
    find: (slug: string, links: SiteLinks) => Found,
  ) {
    app.get(
      url,
      {
        schema: {
          tags: ['Reach'],
          summary,
          params: SlugParams,
          response: {
            200: Type.Unknown({ description: `An IIIF Presentation 3.0 ${kind} (application/ld+json)` }),
            404: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        // Viewers such as Mirador or Universal Viewer fetch IIIF documents across origins, errors included.
        reply.header('Access-Control-Allow-Origin', '*');
        const found = find(request.params.slug, linksFor(app, request));
        if ('missing' in found) return sendError(reply, 404, 'Not Found', found.missing);
        return (
          cacheLinked(app, reply)
            .header('Content-Type', IIIF_CONTENT_TYPE)
            // A Buffer goes out as is: a string would get `; charset=utf-8` appended to this exact media type.
            .send(Buffer.from(JSON.stringify(found.document)))
        );
      },
    );
  }

  iiifRoute(
    '/iiif/artifacts/:slug/manifest.json',
    'Manifest',
    'IIIF Presentation 3.0 Manifest of a published artifact (video, captions, rights)',
    (slug, links) => {
      const found = playable(app, slug);
      if ('status' in found)
        return { missing: `${found.message} An IIIF Manifest needs a Canvas with content.` };
      return { document: buildManifest(found.detail, links, app.config.LICENSE_URI) };
    },
  );

  iiifRoute(
    '/iiif/exhibitions/:slug/collection',
    'Collection',
    "IIIF Presentation 3.0 Collection of a published exhibition: its items' Manifests, in order",
    (slug, links) => {
      const detail = app.exhibitions.publishedDetail(slug);
      if (!detail) {
        return {
          missing: `No published exhibition has the slug "${slug}", so there is no Collection to list.`,
        };
      }
      return { document: buildExhibitionCollection(detail, links, app.config.LICENSE_URI) };
    },
  );
};

export default iiif;
