import { readFileSync, statSync } from 'node:fs';
import { parseMoment } from '@artifact-stories/contracts/moment';
import type { Lang } from '@artifact-stories/contracts/schemas';
import { SLUG_PATTERN } from '@artifact-stories/contracts/slugs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FRAMEABLE } from '../../plugins/external/helmet.ts';
import { classroomPageMeta } from '../../services/reach/classroom-page.ts';
import { exhibitionPageMeta } from '../../services/reach/exhibition-seo.ts';
import { type PageMeta, sitePageMeta } from '../../services/reach/head.ts';
import { SITE_DESCRIPTION } from '../../services/reach/museum.ts';
import { artifactPageMeta, injectHead } from '../../services/reach/seo.ts';
import { cacheLinked, linksFor } from './context.ts';
import { pageLang } from './page-lang.ts';

/** index.html read once and again only when a new web build replaces it. */
export function indexReader(file: string): () => string {
  let cached: { mtimeMs: number; html: string } | undefined;
  return () => {
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(file, 'utf8') };
    return cached.html;
  };
}

export type PageRequest = FastifyRequest<{
  Params: { slug?: string };
  Querystring: { lang?: string; t?: string };
}>;

/**
 * A page route: index.html with `build`'s metadata for the page's language (its /en/ path, see ./page-lang.ts),
 * or the plain page with a 404 when there is none.
 */
export function pageServer(app: FastifyInstance, indexFile: string) {
  const readIndex = indexReader(indexFile);
  return (build: (request: PageRequest, lang: Lang) => PageMeta | undefined) => {
    return async (request: PageRequest, reply: FastifyReply) => {
      reply.header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-cache');
      const meta = build(request, pageLang(request));
      if (!meta) return reply.code(404).send(readIndex());
      // Its canonical and twin links are absolute: never stored when they come from the Host header.
      cacheLinked(app, reply, 'no-cache');
      return reply.send(injectHead(readIndex(), meta));
    };
  };
}

/**
 * The public pages get the SPA's index.html with their metadata already in <head>, in the page's language
 * (Vietnamese at the root, English under /en/, see ./page-lang.ts): title, description, canonical link and
 * hreflang twins; artifact and embed pages add Open Graph video, oEmbed discovery and VideoObject JSON-LD.
 * Link previews and crawlers that run no JavaScript see them. Anything not published gets the plain page
 * with a 404.
 */
export default async function sitePages(app: FastifyInstance, opts: { indexFile: string }) {
  const serve = pageServer(app, opts.indexFile);

  const artifact = serve((request, lang) => {
    const slug = request.params.slug ?? '';
    const detail = SLUG_PATTERN.test(slug) ? app.catalogue.publishedDetail(slug) : undefined;
    if (!detail) return undefined;
    const links = linksFor(app, request);
    return artifactPageMeta(detail, links, lang, app.config.LICENSE_URI, parseMoment(request.query.t));
  });
  app.get('/artifacts/:slug', artifact);
  app.get(
    '/exhibitions/:slug',
    serve((request, lang) => {
      const slug = request.params.slug ?? '';
      // A draft or an exhibition with nothing to watch is not there: the plain page with a 404, as a draft artifact.
      const detail = SLUG_PATTERN.test(slug) ? app.exhibitions.publishedDetail(slug) : undefined;
      return detail && exhibitionPageMeta(detail, linksFor(app, request), lang, app.config.LICENSE_URI);
    }),
  );
  // Classroom mode of a published exhibition: the same check, and noindex (the exhibition page is the one to list).
  const classroom = serve((request, lang) => {
    const slug = request.params.slug ?? '';
    const detail = SLUG_PATTERN.test(slug) ? app.exhibitions.publishedDetail(slug) : undefined;
    return detail && classroomPageMeta(detail, linksFor(app, request), lang);
  });
  app.get('/exhibitions/:slug/present', (request: PageRequest, reply) =>
    classroom(request, reply.header('X-Robots-Tag', 'noindex, nofollow')),
  );
  // The one page other sites may frame: the player oEmbed hands out.
  app.get('/embed/:slug', FRAMEABLE, artifact);

  app.get(
    '/',
    serve((request, lang) =>
      sitePageMeta({ description: SITE_DESCRIPTION[lang] }, linksFor(app, request), '/', lang),
    ),
  );
  app.get(
    '/search',
    serve((request, lang) =>
      sitePageMeta(
        { title: lang === 'vi' ? 'Tìm kiếm' : 'Search', description: SITE_DESCRIPTION[lang] },
        linksFor(app, request),
        '/search',
        lang,
      ),
    ),
  );
}
