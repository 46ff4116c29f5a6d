import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import type { Config } from './config.ts';
import { createContainer } from './container.ts';
import { errorDetails } from './errors/codes.ts';
import { errorTexts, nothingAt, sendError } from './errors/handler.ts';
import auth from './plugins/app/auth.ts';
import database from './plugins/app/database.ts';
import exhibitionsPlugin from './plugins/app/exhibitions.ts';
import filesToBucket from './plugins/app/files-to-bucket.ts';
import jsonBody from './plugins/app/json-body.ts';
import lessonsPlugin from './plugins/app/lessons.ts';
import media from './plugins/app/media.ts';
import notFoundEarly from './plugins/app/not-found-early.ts';
import publishedTree from './plugins/app/published-tree.ts';
import search from './plugins/app/search.ts';
import session from './plugins/app/session.ts';
import web from './plugins/app/web.ts';
import worker from './plugins/app/worker.ts';
import compress from './plugins/external/compress.ts';
import cookie from './plugins/external/cookie.ts';
import helmet from './plugins/external/helmet.ts';
import rateLimit from './plugins/external/rate-limit.ts';
import swagger from './plugins/external/swagger.ts';
import artifacts from './routes/api/artifacts/index.ts';
import categories from './routes/api/categories/index.ts';
import ethnicGroups from './routes/api/ethnic-groups/index.ts';
import exhibitions from './routes/api/exhibitions/index.ts';
import films from './routes/api/films/index.ts';
import lessons from './routes/api/lessons/index.ts';
import playbackReports from './routes/api/playback-reports/index.ts';
import searchRoutes from './routes/api/search/index.ts';
import staff from './routes/api/staff/index.ts';
import health from './routes/health.ts';
import reach from './routes/reach/index.ts';
import { withoutLangPrefix } from './routes/reach/page-lang.ts';
import { fastifyTrustProxy } from './trust-proxy.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
}

/**
 * The whole application, ready to listen or to be driven by `inject` in tests. Three layers in order:
 * third-party plugins, our own plugins (database, session, media...), then one route folder per resource.
 */
export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // Every media segment is a request: one debug line per answer (below), not two info lines per request.
    // Failures are still logged, by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    // Only the proxies named by address or hop count: X-Forwarded-For from anyone else is ignored.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 1024 * 1024,
    // English pages live under /en/ and are served by the same routes (routes/reach/page-lang.ts).
    rewriteUrl: (req) => withoutLangPrefix(req.url ?? '/'),
    // A URL that does not even decode (%c0%ae...) names nothing we have: the same 404 as any missing path.
    frameworkErrors: (error, request, reply) => {
      const statusCode = error.code === 'FST_ERR_BAD_URL' ? 404 : 400;
      const texts =
        statusCode === 404
          ? nothingAt()
          : { en: error.message, vi: `Yêu cầu không hợp lệ: ${error.message}` };
      sendError(request, reply as FastifyReply, statusCode, texts);
    },
    ajv: { customOptions: { removeAdditional: 'all', coerceTypes: 'array', useDefaults: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('config', config);
  const container = createContainer(config, { log: app.log });

  await app.register(helmet);
  await app.register(compress);
  await app.register(cookie);
  await app.register(rateLimit);
  await app.register(swagger);

  // Before any route is declared: a route keeps the error handler in force when it was declared.
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const statusCode = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (statusCode >= 500) request.log.error({ err, url: request.url }, 'request failed');
    // A refusal's own headers (http-errors style), e.g. the static server's 416 `Content-Range: bytes */N`.
    const { headers } = err as FastifyError & { headers?: Record<string, string> };
    if (headers && statusCode < 500) reply.headers(headers);
    return sendError(
      request,
      reply,
      statusCode,
      errorTexts(err, request, statusCode),
      errorDetails(err, statusCode),
    );
  });

  // One debug line per answer; failures are logged once, with their error, by the handler above.
  app.addHook('onResponse', async (request, reply) => {
    const { method, url } = request;
    request.log.debug({ method, url, statusCode: reply.statusCode, ms: reply.elapsedTime }, 'request');
  });

  await app.register(jsonBody);
  await app.register(notFoundEarly);
  await app.register(database, { container });
  await app.register(lessonsPlugin, { container });
  await app.register(exhibitionsPlugin, { container });
  await app.register(session);
  await app.register(auth, { container });
  await app.register(search, { container });
  await app.register(media, { store: container.mediaStore });
  await app.register(publishedTree, { container });
  // Before the worker: its queue bridge sends jobs naming files as the catalogue names them once they are moved.
  await app.register(filesToBucket);
  await app.register(worker, { container });

  await app.register(artifacts, { prefix: '/api/artifacts' });
  await app.register(ethnicGroups, { prefix: '/api/ethnic-groups', groupPages: container.groupPages });
  await app.register(films, { prefix: '/api/films', films: container.films });
  await app.register(categories, { prefix: '/api/categories' });
  await app.register(exhibitions, { prefix: '/api/exhibitions' });
  await app.register(searchRoutes, { prefix: '/api/search' });
  await app.register(lessons, { prefix: '/api/lessons' });
  await app.register(playbackReports, { prefix: '/api/playback-reports', health: container.playbackHealth });
  await app.register(staff, { prefix: '/api/staff', services: container.staff });
  await app.register(reach);
  await app.register(health);
  await app.register(web, { groupPages: container.groupPages });

  app.setNotFoundHandler(
    // Rate-limited, and answered before any body is read, in onRequest: see not-found-early.ts.
    {},
    async (request, reply) => {
      // A page path (no file extension, not the API or media) gets the app, which shows its own "not found".
      const path = request.url.split('?')[0] ?? '';
      const isPage =
        request.method === 'GET' &&
        !/^\/(api|media|iiif)\//.test(path) &&
        !/\.[a-z0-9]+$/i.test(path) &&
        !/^application\/json/.test(request.headers.accept ?? '');
      if (isPage && app.hasReplyDecorator('sendFile') && app.hasDecorator('webIndexAvailable')) {
        return reply.code(404).sendFile('index.html');
      }
      return sendError(request, reply, 404, nothingAt(`${request.method} ${path}`));
    },
  );

  return app;
}
