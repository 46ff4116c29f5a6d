import { mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Server } from '@tus/server';
import type { FastifyRequest } from 'fastify';
import type { StaffServices } from '../../../../container.ts';
import { hashToken, SESSION_COOKIE } from '../../../../services/session-token.ts';
import { UploadRefusal } from '../../../../services/uploads.service.ts';
import { HandedOverFileStore, HandedOverS3Store } from './handed-over-store.ts';
import { tusError, tusTexts, UPLOAD_FAILED } from './refusals.ts';

const DAY_MS = 24 * 3600_000;
/** The web client sends 8 MiB chunks (web/src/lib/staff/upload.ts); S3 parts must be at least 5 MiB. */
const UPLOAD_PART_BYTES = 8 * 1024 ** 2;

/**
 * Request limits per staff session, not per address: several staff behind one office NAT share an address,
 * and every 8 MiB chunk of a clip is a PATCH. 1200 a minute is 160 MiB/s of chunks, more than a gigabit
 * line carries, so a normal upload never meets it; creations are rarer (at most three uploads run at once).
 */
const CREATE_LIMIT = { max: 60, timeWindow: 60_000 };
const SEND_LIMIT = { max: 1200, timeWindow: 60_000 };

/** After requireStaff: the session is known to be valid, so a made-up cookie cannot buy a fresh budget. */
function sessionKey(request: FastifyRequest): string {
  const token = request.cookies[SESSION_COOKIE];
  return token ? `session:${hashToken(token)}` : `ip:${request.ip}`;
}

/** Who sent each request tus handles: tus hooks see a web Request, whose Node request srvx keeps. */
const owners = new WeakMap<IncomingMessage, number>();
const ownerOf = (req: Request): number | undefined => {
  const raw = (req as { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req;
  return raw ? owners.get(raw) : undefined;
};

/**
 * Resumable clip uploads over the tus protocol (@tus/server with @tus/file-store): an interrupted upload
 * continues where it stopped. Fastify checks the session, Origin and rate limit, then hands the raw request
 * to tus. Upload-Metadata must name the artifact (artifactId) and the file (filename).
 */
const uploads: FastifyPluginAsyncTypebox<{ services: StaffServices }> = async (app, { services }) => {
  const s3 = app.config.s3;
  // With a bucket, uploads land in it (multipart, one 8 MiB part per chunk); else in DATA_DIR/uploads/tus.
  const store = s3
    ? new HandedOverS3Store({
        partSize: UPLOAD_PART_BYTES,
        expirationPeriodInMilliseconds: DAY_MS,
        s3ClientConfig: {
          bucket: s3.bucket,
          region: s3.region,
          forcePathStyle: s3.forcePathStyle,
          // As media-pipeline/src/storage/s3.ts: no CRC trailers that S3-compatible servers refuse.
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
          ...(s3.endpoint ? { endpoint: s3.endpoint } : {}),
          ...(s3.accessKeyId
            ? { credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } }
            : {}),
        },
      })
    : new HandedOverFileStore({ directory: services.files.tusDir, expirationPeriodInMilliseconds: DAY_MS });
  if (!s3) mkdirSync(services.files.tusDir, { recursive: true });
  const tus = new Server({
    path: app.prefix,
    datastore: store,
    maxSize: app.config.MAX_UPLOAD_BYTES,
    relativeLocation: true,
    respectForwardedHeaders: app.config.trustProxy !== false,
    // Same-origin only: no Access-Control-Allow-Origin header at all.
    allowedOrigins: [],
    disableTerminationForFinishedUploads: true,
    async onUploadCreate(req, upload) {
      try {
        services.uploads.checkCreate(upload.metadata);
        const staffId = ownerOf(req);
        if (staffId === undefined) throw new Error('an upload was created without a known staff member');
        await services.admission.admit(staffId, upload.id, upload.size);
      } catch (err) {
        if (err instanceof UploadRefusal) throw tusError(req, err.statusCode, err.messages, err.code);
        throw err;
      }
      return {};
    },
    async onUploadFinish(req, upload) {
      services.slots.release(upload.id);
      try {
        const outcome = await services.uploads.finish({ id: upload.id, metadata: upload.metadata });
        if (!outcome.accepted) throw new UploadRefusal(422, outcome.messages, { code: 'video_refused' });
        store.handOver(upload);
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
      // In preHandler, so after the staff folder's session check (an onRequest hook, routes/api/staff/index.ts).
      config: {
        rateLimit: {
          ...(url === '/' ? CREATE_LIMIT : SEND_LIMIT),
          hook: 'preHandler',
          keyGenerator: sessionKey,
        },
      },
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
        const staffId = request.staff?.id;
        if (staffId !== undefined) owners.set(request.raw, staffId);
        const uploadId = (request.params as { uploadId?: string }).uploadId;
        const sent = request.method === 'PATCH' && uploadId ? services.slots.sending(uploadId) : undefined;
        reply.hijack();
        try {
          await tus.handle(request.raw, reply.raw);
        } finally {
          sent?.();
        }
        // Abandoned on purpose: its owner's slot is free at once.
        if (request.method === 'DELETE' && uploadId && reply.raw.statusCode === 204) {
          services.slots.release(uploadId);
        }
      },
    });
  }
};

export default uploads;
