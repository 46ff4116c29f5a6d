import fp from 'fastify-plugin';
import type { Container } from '../../container.ts';
import type { ExhibitionsService } from '../../services/learning/exhibitions.service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Published exhibitions as visitors see them: the api routes, the sitemap, the pages and IIIF read it. */
    exhibitions: ExhibitionsService;
  }
}

export default fp(
  async (app, { container }: { container: Container }) => {
    app.decorate('exhibitions', container.exhibitions);
  },
  { name: 'exhibitions', dependencies: ['database'] },
);
