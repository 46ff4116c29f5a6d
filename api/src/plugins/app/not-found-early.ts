import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { nothingAt, sendError } from '../../errors/handler.ts';

/** Requests per address per minute that may match no route (scanners); the rest get 429. */
const NOT_FOUND_LIMIT = { max: 120, timeWindow: 60_000 };

const hasBody = (request: FastifyRequest) =>
  request.headers['transfer-encoding'] !== undefined ||
  (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

/**
 * A request that matches no route costs nothing but its answer. It is counted by the not-found limiter in
 * onRequest, before anything is read; one that carries a body is answered 404 at once, its body never read
 * nor parsed (a megabyte of nested JSON costs 0.1–0.3 s to parse), and its connection closed so the unread
 * bytes go nowhere. Bodiless ones go on to the app's not-found handler (which serves the web app's page).
 */
async function notFoundEarly(app: FastifyInstance) {
  const limit = app.rateLimit(NOT_FOUND_LIMIT);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.is404) return;
    await limit.call(app, request, reply);
    if (!hasBody(request)) return;
    reply.header('connection', 'close');
    const path = request.url.split('?')[0] ?? '';
    return sendError(request, reply, 404, nothingAt(`${request.method} ${path}`));
  });
}

export default fp(notFoundEarly, { name: 'not-found-early', dependencies: ['@fastify/rate-limit'] });
