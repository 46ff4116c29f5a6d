import { ErrorResponse, LoginBody, StaffUser } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LocalizedError } from '../../../errors/localized.ts';
import { SESSION_COOKIE } from '../../../services/session-token.ts';
import { sessionCookieOptions } from './session-cookie.ts';

/** Sign in: the one staff route without a session. Sessions live in SQLite; the cookie holds only a random token. */
const login: FastifyPluginAsyncTypebox = async (app) => {
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
      reply.setCookie(SESSION_COOKIE, token, {
        ...sessionCookieOptions(app, request),
        expires: new Date(expiresAt),
      });
      return user;
    },
  );
};

export default login;
