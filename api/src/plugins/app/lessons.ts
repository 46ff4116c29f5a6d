import fp from 'fastify-plugin';
import type { Container } from '../../container.ts';
import type { LessonsService } from '../../services/lessons.service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Teachers' lessons: the api routes, the staff takedown and the lesson pages' <head> all read it. */
    lessons: LessonsService;
  }
}

export default fp(
  async (app, { container }: { container: Container }) => {
    app.decorate('lessons', container.lessons);
  },
  { name: 'lessons', dependencies: ['database'] },
);
