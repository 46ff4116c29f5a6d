import { mkdirSync } from 'node:fs';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { FileStore } from '@tus/file-store';
import { Server } from '@tus/server';
import { UploadRefusal } from '../../../../services/uploads.service.ts';
import type { StaffServices } from '../services.ts';
import { tusError, tusTexts, UPLOAD_FAILED } from './refusals.ts';

const DAY_MS = 24 * 3600_000;

/**
 * Resumable clip uploads over the tus protocol (@tus/server with @tus/file-store): an interrupted upload
 * continues where it stopped. Fastify checks the session, Origin and rate limit, then hands the raw request
 * to tus. Upload-Metadata must name the artifact (artifactId) and the file (filename).
 */
const uploads: FastifyPluginAsyncTypebox<{ services: StaffServices }> = async (app, { services }) => {
  mkdirSync(services.files.tusDir, { recursive: true });
  const tus = new Server({
    path: app.prefix,
    datastore: new FileStore({ directory: services.files.tusDir, expirationPeriodInMilliseconds: DAY_MS }),
    maxSize: app.config.MAX_UPLOAD_BYTES,
    relativeLocation: true,
    respectForwardedHeaders: app.config.trustProxy !== false,
    // Same-origin only: no Access-Control-Allow-Origin header at all.
    allowedOrigins: [],
    disableTerminationForFinishedUploads: true,
    async onUploadCreate(req, upload) {
      try {
        services.uploads.checkCreate(upload.metadata);
      } catch (err) {
        if (err instanceof UploadRefusal) throw tusError(req, err.statusCode, err.messages, err.code);
        throw err;
      }
      return {};
    },
    async onUploadFinish(req, upload) {
      try {
        const outcome = await services.uploads.finish({ id: upload.id, metadata: upload.metadata });
        if (!outcome.accepted) throw new UploadRefusal(422, outcome.messages, { code: 'video_refused' });
        return { headers: { 'Video-Id': outcome.videoId } };
      } catch (err) {
        if (err instanceof UploadRefusal) throw tusError(req, err.statusCode, err.messages, err.code);
        throw err;
      }
    },
    onResponseError(req, err) {
      if ('status_code' in err && !err.body.startsWith('{')) {
        return tusError(
          req,
          err.status_code,
          tusTexts(err.status_code, err.body, app.config.MAX_UPLOAD_BYTES),
        );
      }
      if (err instanceof Error) {
        app.log.error({ err }, 'upload failed');
        return tusError(req, 500, UPLOAD_FAILED);
      }
      return undefined;
    },
  });

  // Abandoned uploads (a closed laptop) expire after a day; their bytes are removed.
  const sweep = setInterval(
    () => tus.cleanUpExpiredUploads().catch((err) => app.log.warn({ err }, 'upload clean-up failed')),
    3600_000,
  );
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  // The body is tus's to read, as a stream: Fastify must leave it untouched.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  for (const url of ['/', '/:uploadId']) {
    app.route({
      method: ['OPTIONS', 'HEAD', 'POST', 'PATCH', 'DELETE'],
      url,
      preHandler: app.requireStaff,
      config: { rateLimit: { max: 120, timeWindow: 60_000 } },
      schema: {
        tags: ['Staff'],
        summary:
          url === '/'
            ? 'tus: create an upload (Upload-Metadata: artifactId, filename)'
            : 'tus: resume (HEAD), send bytes (PATCH) or abandon (DELETE) an upload',
        description:
          'The tus 1.0 protocol (creation, creation-with-upload, termination, expiration). When the last ' +
          'byte arrives the file is checked by content: a file that is not a usable video gets 422 with the ' +
          'reason, which is also shown on the artifact.',
        security: [{ session: [] }],
      },
      handler: async (request, reply) => {
        reply.hijack();
        await tus.handle(request.raw, reply.raw);
      },
    });
  }
};

export default uploads;
