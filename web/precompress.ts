// A Vite plugin: every built script and style of 1 KB or more gets a brotli (.br) and a gzip (.gz) twin, made once
// at build time at the best settings. The app (@fastify/static's preCompressed) and the front server (Caddy's
// `precompressed`) then send those files as they are instead of compressing the same bytes on every request: for
// the artifact page's critical path that was ~20 ms of the server's CPU for hls.js alone (brotli quality 5, more on
// a busy machine), and its bytes are 10 % fewer at quality 11.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Below this, compression saves less than the headers cost (the api's @fastify/compress threshold too). */
const MIN_BYTES = 1024;
const TEXT = /^assets\/.+\.(js|css)$/;

export function precompress(): Plugin {
  return {
    name: 'artifact-stories-precompress',
    apply: 'build',
    // After writing, as offline-assets: Vite's own hooks rewrite chunks until then.
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const files = Object.values(bundle).flatMap((f) => {
        const bytes = Buffer.from(f.type === 'chunk' ? f.code : f.source);
        return TEXT.test(f.fileName) && bytes.length >= MIN_BYTES ? [{ name: f.fileName, bytes }] : [];
      });
      // zlib works on libuv's thread pool: the files compress side by side.
      await Promise.all(
        files.flatMap(({ name, bytes }) => [
          brotli(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }).then((out) => writeFile(join(dir, `${name}.br`), out)),
          gz(bytes, { level: 9 }).then((out) => writeFile(join(dir, `${name}.gz`), out)),
        ]),
      );
    },
  };
}
