// Requests per second of the catalogue and media routes, each as a ratio to Fastify answering a constant on the
// same machine in the same run, so the numbers compare across machines.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../api/src/app.ts';
import { loadConfig } from '../api/src/config.ts';
import { seedArtifacts, seedReference } from '../api/src/services/seed.service.ts';
import { fakeManifest } from '../api/test/helpers.ts';

const DURATION_SEC = 5;
const CONNECTIONS = 10;
/** About four seconds of the 720p rung: what a player fetches most. */
const SEGMENT_BYTES = 1_500_000;

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}

async function measure(url: string): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SEC });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors during the run`);
  }
  return result.requests.average;
}

export async function benchHttp(): Promise<void> {
  const constant = Fastify();
  constant.get('/', async () => ({ ok: true }));

  const dataDir = mkdtempSync(join(tmpdir(), 'bench-http-'));
  const app = await buildApp(loadConfig({}, { DATA_DIR: dataDir, SEED: 'none', WORKER: 'off' }));
  seedReference(app.repos);
  seedArtifacts(app.repos);
  app.catalogue.refreshReference();
  const artifact = app.repos.artifacts.list({ status: 'published', limit: 1, offset: 0 }).items[0];
  if (!artifact) throw new Error('the fixture catalogue has no published artifact');
  const video = app.repos.videos.create({
    artifactId: artifact.id,
    sourcePath: '/bench/source.mp4',
    sourceName: 'source.mp4',
    sourceSize: 1,
  });
  app.repos.videos.markReady(video.id, 'v1', fakeManifest('v1'));
  app.repos.artifacts.setCurrentVideo(artifact.id, video.id);
  const segmentDir = join(app.config.mediaDir, video.id, 'v1', '720p');
  mkdirSync(segmentDir, { recursive: true });
  writeFileSync(join(segmentDir, 'seg_00001.m4s'), randomBytes(SEGMENT_BYTES));
  // The same file from bare @fastify/static: what our checks (path, publication, version) cost on top.
  await constant.register(fastifyStatic, { root: segmentDir, prefix: '/static/' });
  const constantBase = await listen(constant);
  const base = await listen(app);

  const segment = `segment (${(SEGMENT_BYTES / 1e6).toFixed(1)} MB)`;
  const rows: [string, number][] = [];
  for (const [name, url] of [
    ['Fastify constant (reference)', `${constantBase}/`],
    ['GET /api/artifacts', `${base}/api/artifacts`],
    ['GET /api/artifacts?ethnicGroup=hmong', `${base}/api/artifacts?ethnicGroup=hmong`],
    [`bare @fastify/static, same ${segment}`, `${constantBase}/static/seg_00001.m4s`],
    [`GET /media/ ${segment}`, `${base}/media/${video.id}/v1/720p/seg_00001.m4s`],
  ] as const) {
    process.stderr.write(`  measuring ${name} for ${DURATION_SEC} s…\n`);
    rows.push([name, await measure(url)]);
  }
  await app.close();
  await constant.close();

  const constantRps = rows[0]?.[1] ?? 1;
  const staticRps = rows[3]?.[1] ?? 1;
  console.log(`${CONNECTIONS} connections, ${DURATION_SEC} s each, loopback`);
  console.log('| route | requests/s | ratio to constant | ratio to bare static |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const [i, [name, rps]] of rows.entries()) {
    const toStatic = i >= 3 ? (rps / staticRps).toFixed(3) : '';
    console.log(`| ${name} | ${rps.toFixed(0)} | ${(rps / constantRps).toFixed(3)} | ${toStatic} |`);
  }
}
