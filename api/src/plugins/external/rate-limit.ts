import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

/** Not global: routes opt in (login, uploads, the 404 handler) with their own limits. */
export default fp(async (app) => {
  await app.register(rateLimit, { global: false });
});
