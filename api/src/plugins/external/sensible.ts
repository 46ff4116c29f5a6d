import sensible from '@fastify/sensible';
import fp from 'fastify-plugin';

/** reply.notFound(), reply.badRequest()...: errors in the one JSON shape without hand-made objects. */
export default fp(async (app) => {
  await app.register(sensible);
});
