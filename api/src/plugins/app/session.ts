import type { StaffUser } from '@artifact-stories/contracts/schemas';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hashToken, SESSION_COOKIE } from '../../services/session-token.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The signed-in staff member of a request, if its session cookie is valid. */
    staffFromRequest(request: FastifyRequest): StaffUser | undefined;
  }
}

/** Resolves the staff member behind a request's session cookie (sessions live server-side, in SQLite). */
export default fp(
  async (app) => {
    app.decorate('staffFromRequest', (request: FastifyRequest): StaffUser | undefined => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return undefined;
      return app.repos.staff.sessionUser(hashToken(token));
    });
  },
  { name: 'session', dependencies: ['database'] },
);
