import type { MediaStore } from '@artifact-stories/media-pipeline';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rangeParser from 'range-parser';
import { MEDIA_PREFIX } from '../../services/catalogue.service.ts';

/**
 * /media/* from a bucket: the same checks as from the folder (decided by `allowed`), then the object streamed
 * with Range, so the bucket stays private and a draft's objects are never reachable by guessing their keys.
 * Only single ranges are answered as ranges (players ask for one); a multi-range request gets the whole file,
 * which HTTP allows.
 */
export function bucketMedia(
  app: FastifyInstance,
  store: MediaStore,
  allowed: (pathName: string, request: FastifyRequest) => boolean,
  setHeaders: (reply: FastifyReply, path: string) => void,
) {
  app.route({
    method: ['GET', 'HEAD'],
    url: `${MEDIA_PREFIX}/*`,
    schema: { hide: true },
    handler: async (request, reply) => {
      const key = decodeURIComponent((request.url.split('?')[0] ?? '').slice(MEDIA_PREFIX.length + 1));
      if (!allowed(key, request)) return notFound(reply, request.url);
      const info = await store.stat(key);
      if (!info) return notFound(reply, request.url);
      setHeaders(reply, key);
      reply.header('Accept-Ranges', 'bytes');
      if (info.etag) {
        reply.header('ETag', info.etag);
        if (request.headers['if-none-match'] === info.etag) return reply.code(304).send();
      }
      const header = request.headers.range;
      const ranges = header ? rangeParser(info.size, header, { combine: true }) : -2;
      if (ranges === -1) {
        return reply
          .code(416)
          .type('application/json; charset=utf-8')
          .header('Content-Range', `bytes */${info.size}`)
          .send({
            statusCode: 416,
            error: 'Range Not Satisfiable',
            message: `The file has ${info.size} bytes.`,
          });
      }
      const one =
        Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1 ? ranges[0] : undefined;
      const length = one ? one.end - one.start + 1 : info.size;
      reply.header('Content-Length', length);
      if (one) reply.code(206).header('Content-Range', `bytes ${one.start}-${one.end}/${info.size}`);
      if (request.method === 'HEAD' || length === 0) return reply.send();
      const object = await store.read(key, one);
      if (!object) return notFound(reply, request.url);
      return reply.send(object.body);
    },
  });
}

function notFound(reply: FastifyReply, url: string) {
  const path = url.split('?')[0] ?? '';
  return reply
    .code(404)
    .type('application/json; charset=utf-8')
    .send({ statusCode: 404, error: 'Not Found', message: `Nothing at ${path}` });
}
