import { ErrorResponse, StaffUser } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SESSION_COOKIE } from '../../../services/session-token.ts';
import { sessionCookieOptions } from './session-cookie.ts';

const security = [{ session: [] }];

/** Sign out, who am I (signing in is ./login.ts, the folder's one route without a session). */
const session: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/logout',
    {
      schema: {
        tags: ['Staff'],
        summary: 'Sign out: ends the session',
        security,
        response: { 204: Type.Null({ description: 'Signed out' }), 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) app.staffAccounts.endSession(token);
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(app, request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['Staff'],
        summary: 'The signed-in staff member',
        security,
        response: { 200: StaffUser, 401: ErrorResponse },
      },
    },
    async (request) => request.staff as StaffUser,
  );
};

export default session;
