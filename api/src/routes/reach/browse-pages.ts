import { readFileSync, statSync } from 'node:fs';
import { SLUG_PATTERN } from '@artifact-stories/contracts/slugs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { GroupPagesService } from '../../services/group-pages.service.ts';
import { familyPageMeta, filmsPageMeta, groupPageMeta } from '../../services/reach/browse-meta.ts';
import type { PageMeta } from '../../services/reach/seo.ts';
import { injectHead } from '../../services/reach/seo.ts';
import { cacheLinked, langOf, linksFor } from './context.ts';

type PageRequest = FastifyRequest<{ Params: { slug: string }; Querystring: { lang?: string } }>;

/**
 * /films, /families/<slug> and /groups/<slug> get the SPA's index.html with their title, description and
 * canonical link already in <head>, as artifact pages do (pages.ts), so a shared link previews with words.
 * An unknown family or group answers the plain page with a 404.
 */
export default async function browsePages(
  app: FastifyInstance,
  opts: { indexFile: string; groupPages: GroupPagesService },
) {
  let cached: { mtimeMs: number; html: string } | undefined;
  const readIndex = () => {
    const { mtimeMs } = statSync(opts.indexFile);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(opts.indexFile, 'utf8') };
    return cached.html;
  };
  const send = (reply: FastifyReply, meta: PageMeta | undefined) => {
    reply.header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-cache');
    if (!meta) return reply.code(404).send(readIndex());
    // Its canonical link is absolute: never stored when it comes from the Host header.
    cacheLinked(app, reply, 'no-cache');
    return reply.send(injectHead(readIndex(), meta));
  };

  app.get('/films', (request: PageRequest, reply) => {
    const links = linksFor(app, request);
    const { families } = app.catalogue.ethnicGroups();
    const films = families.reduce((n, f) => n + f.filmCount, 0);
    return send(reply, filmsPageMeta(films, links.abs('/films'), langOf(request.query.lang)));
  });

  app.get('/families/:slug', (request: PageRequest, reply) => {
    const { slug } = request.params;
    const list = SLUG_PATTERN.test(slug) ? app.catalogue.ethnicGroups() : undefined;
    const family = list?.families.find((f) => f.slug === slug);
    if (!list || !family) return send(reply, undefined);
    const groups = list.groups.filter((g) => g.languageFamily.slug === slug).map((g) => g.name);
    const url = linksFor(app, request).abs(`/families/${slug}`);
    return send(reply, familyPageMeta(family, groups, url, langOf(request.query.lang)));
  });

  app.get('/groups/:slug', (request: PageRequest, reply) => {
    const { slug } = request.params;
    const group = SLUG_PATTERN.test(slug) ? opts.groupPages.detail(slug) : undefined;
    if (!group) return send(reply, undefined);
    return send(reply, groupPageMeta(group, linksFor(app, request).group(slug), langOf(request.query.lang)));
  });
}
