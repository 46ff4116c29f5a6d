import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';

// A script large and varied enough that compressing it again at another quality gives other bytes.
const script = `export const words = ${JSON.stringify(
  Array.from({ length: 3000 }, (_, i) => `nhà rông ${i} Ba Na ${(i * 7919) % 1013}`),
)};\n`;
const style = `.player { color: #f6efe4; }\n${'.x { margin: 0 }\n'.repeat(200)}`;
const br = brotliCompressSync(script, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
const gz = gzipSync(script, { level: 9 });

let app: FastifyInstance;
beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'artifact-stories-assets-'));
  const webDist = join(dataDir, 'web-dist');
  mkdirSync(join(webDist, 'assets'), { recursive: true });
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  // What web/precompress.ts writes beside a script; the style has no twins.
  writeFileSync(join(webDist, 'assets', 'index-abc123.js'), script);
  writeFileSync(join(webDist, 'assets', 'index-abc123.js.br'), br);
  writeFileSync(join(webDist, 'assets', 'index-abc123.js.gz'), gz);
  writeFileSync(join(webDist, 'assets', 'index-abc123.css'), style);
  const config = loadConfig({}, { DATA_DIR: dataDir, SEED: 'none', WORKER: 'off' });
  app = await buildApp({ ...config, webDist });
});
afterAll(async () => app?.close());

const get = (url: string, encoding?: string) =>
  app.inject({ url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe("the web build's assets", () => {
  it('go out as the build compressed them (the .br or .gz twin, byte for byte), typed and kept for good', async () => {
    const viaBr = await get('/assets/index-abc123.js', 'br, gzip');
    expect(viaBr.statusCode).toBe(200);
    expect(viaBr.headers['content-encoding']).toBe('br');
    expect(viaBr.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(viaBr.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(viaBr.headers.vary).toMatch(/accept-encoding/i);
    expect(viaBr.rawPayload.equals(br)).toBe(true);
    expect(brotliDecompressSync(viaBr.rawPayload).toString()).toBe(script);

    const viaGzip = await get('/assets/index-abc123.js', 'gzip');
    expect(viaGzip.headers['content-encoding']).toBe('gzip');
    expect(viaGzip.rawPayload.equals(gz)).toBe(true);
    expect(gunzipSync(viaGzip.rawPayload).toString()).toBe(script);
  });

  it('go out plain to a client that accepts no compression', async () => {
    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('without twins are compressed on the way out, as before', async () => {
    const res = await get('/assets/index-abc123.css', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(style);
  });
});
