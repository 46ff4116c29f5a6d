import { ErrorResponse, LoginBody, StaffUser } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { LocalizedError } from '../../../errors/localized.ts';
import { SESSION_COOKIE } from '../../../plugins/app/session.ts';

const security = [{ session: [] }];

/** Sign in, sign out, who am I. Sessions live in SQLite; the cookie holds only a random token. */
const session: FastifyPluginAsyncTypebox = async (app) => {
  const cookieOptions = (request: FastifyRequest) => ({
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    // Behind a TLS proxy (TRUST_PROXY) request.protocol says https; PUBLIC_URL covers proxies that do not say.
    secure: request.protocol === 'https' || app.config.PUBLIC_URL.startsWith('https:'),
  });

  app.post(
    '/login',
    {
      config: { rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        tags: ['Staff'],
        summary:
          'Sign in: sets the session cookie (10 attempts a minute per address; from the 4th wrong password on, an account waits 1 s, doubling up to 60 s)',
        body: LoginBody,
        response: { 200: StaffUser, 401: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const waitMs = app.loginBackoff.begin(email);
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        reply.header('Retry-After', String(seconds));
        throw new LocalizedError(429, {
          en: `Too many wrong passwords for this account: wait ${seconds} s, then try again.`,
          vi: `Tài khoản này đã bị nhập sai mật khẩu quá nhiều lần. Vui lòng đợi ${seconds} giây rồi thử lại.`,
        });
      }
      const user = await app.staffAccounts.verify(email, password);
      if (user) app.loginBackoff.succeeded(email);
      // One message for an unknown email and a wrong password: the form must not reveal who has an account.
      if (!user) {
        throw new LocalizedError(401, {
          en: 'Wrong email or password.',
          vi: 'Email hoặc mật khẩu không đúng.',
        });
      }
      const { token, expiresAt } = app.staffAccounts.startSession(user.id);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request), expires: new Date(expiresAt) });
      return user;
    },
  );

  app.post(
    '/logout',
    {
      preHandler: app.requireStaff,
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
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      preHandler: app.requireStaff,
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
