import type { FastifyPluginAsync } from 'fastify';
import { robotsTxt } from '../../services/reach/robots.ts';
import { cacheLinked, linksFor } from './context.ts';

/** /robots.txt: staff pages, lessons and the API out; the sitemap named. */
const robots: FastifyPluginAsync = async (app) => {
  app.get('/robots.txt', { schema: { tags: ['Reach'], summary: 'robots.txt' } }, async (request, reply) =>
    cacheLinked(app, reply, 'public, max-age=3600')
      .header('Content-Type', 'text/plain; charset=utf-8')
      .send(robotsTxt(linksFor(app, request).abs('/sitemap.xml'))),
  );
};

export default robots;
