import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { LocalizedError } from '../../errors/localized.ts';

/** Not global: routes opt in (login, uploads, the 404 handler) with their own limits. */
export default fp(async (app) => {
  await app.register(rateLimit, {
    global: false,
    // Thrown, so the error handler answers in the request's language.
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new LocalizedError(429, {
        en: `Too many requests: wait ${seconds} s, then try again.`,
        vi: `Bạn đã gửi quá nhiều yêu cầu. Vui lòng đợi ${seconds} giây rồi thử lại.`,
      });
    },
  });
});
