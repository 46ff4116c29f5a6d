import { readFileSync, statSync } from 'node:fs';
import { parseMoment } from '@artifact-stories/contracts/moment';
import { SLUG_PATTERN } from '@artifact-stories/contracts/slugs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FRAMEABLE } from '../../plugins/external/helmet.ts';
import { exhibitionPageMeta } from '../../services/reach/exhibition-seo.ts';
import { artifactPageMeta, injectHead } from '../../services/reach/seo.ts';
import { cacheLinked, langOf, linksFor } from './context.ts';

/** index.html read once and again only when a new web build replaces it. */
function indexReader(file: string): () => string {
  let cached: { mtimeMs: number; html: string } | undefined;
  return () => {
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(file, 'utf8') };
    return cached.html;
  };
}

/**
 * /artifacts/<slug> and /embed/<slug> get the SPA's index.html with the artifact's title, Open Graph,
 * canonical link, oEmbed discovery and VideoObject JSON-LD already in <head>, so link previews and
 * crawlers that run no JavaScript see them. Anything not published gets the plain page with a 404.
 */
export default async function artifactPages(app: FastifyInstance, opts: { indexFile: string }) {
  const readIndex = indexReader(opts.indexFile);

  const render = async (
    request: FastifyRequest<{ Params: { slug: string }; Querystring: { lang?: string; t?: string } }>,
    reply: FastifyReply,
  ) => {
    reply.header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-cache');
    const { slug } = request.params;
    const detail = SLUG_PATTERN.test(slug) ? app.catalogue.publishedDetail(slug) : undefined;
    if (!detail) return reply.code(404).send(readIndex());
    // Its og: and canonical links are absolute: never stored when they come from the Host header.
    cacheLinked(app, reply, 'no-cache');
    const meta = artifactPageMeta(
      detail,
      linksFor(app, request),
      langOf(request.query.lang),
      app.config.LICENSE_URI,
      parseMoment(request.query.t),
    );
    return reply.send(injectHead(readIndex(), meta));
  };

  app.get(
    '/exhibitions/:slug',
    async (request: FastifyRequest<{ Params: { slug: string }; Querystring: { lang?: string } }>, reply) => {
      reply.header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-cache');
      const { slug } = request.params;
      // A draft or an exhibition with nothing to watch is not there: the plain page with a 404, as a draft artifact.
      const detail = SLUG_PATTERN.test(slug) ? app.exhibitions.publishedDetail(slug) : undefined;
      if (!detail) return reply.code(404).send(readIndex());
      cacheLinked(app, reply, 'no-cache');
      const lang = langOf(request.query.lang);
      const meta = exhibitionPageMeta(detail, linksFor(app, request), lang, app.config.LICENSE_URI);
      return reply.send(injectHead(readIndex(), meta));
    },
  );

  app.get('/artifacts/:slug', render);
  // The one page other sites may frame: the player oEmbed hands out.
  app.get('/embed/:slug', FRAMEABLE, render);
}
