import { SLUG_PATTERN } from '@artifact-stories/contracts/slugs';
import type { FastifyInstance } from 'fastify';
import type { GroupPagesService } from '../../services/group-pages.service.ts';
import { familyPageMeta, filmsPageMeta, groupPageMeta } from '../../services/reach/browse-meta.ts';
import { linksFor } from './context.ts';
import { pageServer } from './pages.ts';

/**
 * /films, /families/<slug> and /groups/<slug> (and their /en/ twins) get the SPA's index.html with their title,
 * description, canonical link and hreflang twins already in <head>, as the other public pages do (pages.ts), so a
 * shared link previews with words. An unknown family or group answers the plain page with a 404.
 */
export default async function browsePages(
  app: FastifyInstance,
  opts: { indexFile: string; groupPages: GroupPagesService },
) {
  const serve = pageServer(app, opts.indexFile);

  app.get(
    '/films',
    serve((request, lang) => {
      const { families } = app.catalogue.ethnicGroups();
      const films = families.reduce((n, f) => n + f.filmCount, 0);
      return filmsPageMeta(films, linksFor(app, request), lang);
    }),
  );

  app.get(
    '/families/:slug',
    serve((request, lang) => {
      const slug = request.params.slug ?? '';
      const list = SLUG_PATTERN.test(slug) ? app.catalogue.ethnicGroups() : undefined;
      const family = list?.families.find((f) => f.slug === slug);
      if (!list || !family) return undefined;
      const groups = list.groups.filter((g) => g.languageFamily.slug === slug).map((g) => g.name);
      return familyPageMeta(family, groups, linksFor(app, request), lang);
    }),
  );

  app.get(
    '/groups/:slug',
    serve((request, lang) => {
      const slug = request.params.slug ?? '';
      const group = SLUG_PATTERN.test(slug) ? opts.groupPages.detail(slug) : undefined;
      return group && groupPageMeta(group, linksFor(app, request), lang);
    }),
  );
}
