import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The session cookie's attributes, the same when it is set (login) and cleared (logout). */
export function sessionCookieOptions(app: FastifyInstance, request: FastifyRequest) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    // Behind a TLS proxy (TRUST_PROXY) request.protocol says https; PUBLIC_URL covers proxies that do not say.
    secure: request.protocol === 'https' || app.config.PUBLIC_URL.startsWith('https:'),
  };
}
