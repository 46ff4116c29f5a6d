import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built Svelte app. Unknown non-API GET paths get index.html so client-side routes
 * (/artifacts/<slug>, /groups/<slug>...) load directly.
 */
export default async function web(app: FastifyInstance) {
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
    setHeaders: (res, path) => {
      // Vite puts a content hash in asset names; index.html must always be revalidated.
      res.setHeader(
        'Cache-Control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.decorate('webIndexAvailable', true);
}
