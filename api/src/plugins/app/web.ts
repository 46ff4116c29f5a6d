import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import browsePages from '../../routes/reach/browse-pages.ts';
import lessonPages from '../../routes/reach/lesson-pages.ts';
import sitePages from '../../routes/reach/pages.ts';
import type { GroupPagesService } from '../../services/group-pages.service.ts';

/**
 * Serves the built Svelte app: its assets, and index.html for every page of the site so client-side routes
 * (/artifacts/<slug>, /groups/<slug>...) load directly. Unknown page paths get it from the not-found handler,
 * with a 404 status.
 */
async function web(app: FastifyInstance, { groupPages }: { groupPages: GroupPagesService }) {
  const dist = app.config.webDist;
  if (!existsSync(join(dist, 'index.html'))) {
    app.log.warn(`No web build at ${dist}: run \`npm run build -w web\` (npm start does it).`);
    return;
  }
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: false,
    index: false,
    decorateReply: true,
    // The build's .br and .gz twins of its scripts and styles (web/precompress.ts), sent as they are: no brotli
    // run per request on the way to a page's first frame. Files without twins are compressed as before.
    preCompressed: true,
    // @fastify/static 10 hands setHeaders the Fastify reply (not the raw response).
    setHeaders: (reply, path) => {
      // Vite puts a content hash in asset names; index.html must always be revalidated.
      reply.header(
        'Cache-Control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  // Public pages (home, search, groups, artifacts, embed; in both languages): index.html with their metadata
  // already in <head>.
  await app.register(sitePages, { indexFile: join(dist, 'index.html') });
  // Lesson pages: index.html marked noindex; a class page names its lesson for link previews.
  await app.register(lessonPages, { indexFile: join(dist, 'index.html') });
  // Staff pages answer 200 with the app, whatever the client's Accept header says (curl, uptime checks and
  // crawlers send */*), and without the rate limit that guards real 404s.
  const page = (_request: unknown, reply: FastifyReply) => reply.sendFile('index.html');
  for (const path of ['/staff', '/staff/*']) app.get(path, page);
  // The films listing, family and group pages: index.html with their title and description in <head>.
  await app.register(browsePages, { indexFile: join(dist, 'index.html'), groupPages });
  app.decorate('webIndexAvailable', true);
}

// Not encapsulated: the app's not-found handler needs reply.sendFile and webIndexAvailable to send index.html.
export default fp(web, { name: 'web' });
