import { mkdirSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import { LocalStore, MEDIA_CONTENT_TYPES, type MediaStore } from '@artifact-stories/media-pipeline';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MEDIA_PREFIX } from '../../services/catalogue.service.ts';
import { mediaCacheControl } from '../../services/reach/caching.ts';
import { MEDIA_CORS_HEADERS, MEDIA_SEGMENT } from '../../services/reach/media-files.ts';
import { bucketMedia } from './media-bucket.ts';

const SEGMENT = new RegExp(`^${MEDIA_SEGMENT}$`);

/**
 * Serves the pipeline's output under /media/<videoId>/<version>/..., from the media folder or the bucket. Only
 * finished versions of the current
 * video of a published artifact are public (staff with a session may preview drafts). Every path segment is
 * checked, and the resolved real path must stay inside the media folder, so `..`, encoded forms, hidden
 * temp folders and symlinks pointing out all end in 404.
 */
export default async function media(app: FastifyInstance, { store }: { store: MediaStore }) {
  /** A public version of a published artifact, or any version of an existing video for signed-in staff. */
  const mayShow = (parts: string[], request: FastifyRequest): boolean => {
    if (parts.length < 3 || !parts.every((p) => SEGMENT.test(p))) return false;
    const [videoId, version] = parts as [string, string];
    if (app.repos.videos.isPublicVersion(videoId, version)) return true;
    if (app.repos.videos.exists(videoId) && app.staffFromRequest(request)) {
      (request as FastifyRequest & { privateMedia?: boolean }).privateMedia = true;
      return true;
    }
    return false;
  };

  const setHeaders = (res: { header(name: string, value: string): unknown }, path: string) => {
    const type = MEDIA_CONTENT_TYPES[path.slice(path.lastIndexOf('.') + 1)];
    if (type) res.header('Content-Type', type);
    for (const [name, value] of Object.entries(MEDIA_CORS_HEADERS)) res.header(name, value);
    // Version folders never change once renamed into place, but a takedown must still reach caches: what
    // names the film (playlists, captions, posters) lives a minute, segments for good (services/reach/caching.ts).
    res.header('Cache-Control', mediaCacheControl(path));
  };

  // Every way out (encoded dots, backslashes, NUL, double encoding) is refused here with the same 404 as a
  // missing file, before the static server can answer differently (it says 403 for some malformed paths).
  app.addHook('onRequest', async (request, reply) => {
    // Media is served exactly as stored: segments and images are compressed already, and a compressed
    // playlist or caption would make a Range answer wrong. @fastify/compress honours this header.
    request.headers['x-no-compression'] = '1';
    const path = request.url.split('?')[0] ?? '';
    let decoded: string;
    try {
      decoded = decodeURIComponent(path.slice(MEDIA_PREFIX.length + 1));
    } catch {
      decoded = '';
    }
    const parts = decoded.split('/');
    if (parts.length < 3 || !parts.every((p) => SEGMENT.test(p))) {
      return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `Nothing at ${path}` });
    }
  });

  app.addHook('onSend', async (request, reply) => {
    if ((request as FastifyRequest & { privateMedia?: boolean }).privateMedia) {
      reply.header('Cache-Control', 'private, no-store');
    }
  });

  // A bucket: streamed from it with the same checks. A folder: sent by the static server (sendfile).
  if (!(store instanceof LocalStore)) {
    bucketMedia(app, store, (key, request) => mayShow(key.split('/'), request), setHeaders);
    return;
  }
  const root = store.scratchRoot;
  mkdirSync(root, { recursive: true });
  const realRoot = realpathSync(root);

  const allowed = (pathName: string, request: FastifyRequest): boolean => {
    const parts = pathName.split('/').filter(Boolean);
    if (parts.length < 3 || !parts.every((p) => SEGMENT.test(p))) return false;
    try {
      const real = realpathSync(join(root, ...parts));
      if (!real.startsWith(realRoot + sep)) return false;
    } catch {
      return false;
    }
    return mayShow(parts, request);
  };

  await app.register(fastifyStatic, {
    root,
    prefix: `${MEDIA_PREFIX}/`,
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    redirect: false,
    wildcard: true,
    acceptRanges: true,
    cacheControl: false,
    allowedPath: (pathName, _root, request) => allowed(pathName, request),
    setHeaders,
  });
}
