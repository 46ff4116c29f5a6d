import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import fp from 'fastify-plugin';

/**
 * Text answers (JSON, pages, scripts, styles, sitemaps) are compressed for phones on slow networks. Media is not
 * (the media plugin opts out): segments and images are compressed already, and a compressed Range answer would
 * break seeking. The live job stream (text/event-stream) is not a compressible type, so events flow one by one.
 */
export default fp(async (app) => {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    // Quality 5 keeps most of brotli's gain at a fraction of its maximum CPU cost.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
});
