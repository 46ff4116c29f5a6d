// Requests per second of the catalogue and media routes, each as a ratio to Fastify answering a constant on the
// same machine in the same run, so the numbers compare across machines. Then a classroom: 200 connections
// searching while 200 fetch a media segment, and how much the segment's p99 latency suffers (a ratio to the
// segment alone, in the same run). Load comes from wrk, in its own process (bench/wrk.ts). Each classroom run
// connects all its connections before loading: a saturated Node process hardly accepts new connections (a bare
// http server does the same), while a film that is playing already holds its keep-alive connection.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../api/src/app.ts';
import { loadConfig } from '../api/src/config.ts';
import type { CatalogueRepositories } from '../api/src/repositories/index.ts';
import { seedArtifacts, seedReference } from '../api/src/services/seed.service.ts';
import { fakeManifest } from '../api/test/helpers.ts';
import { loadArtifacts } from '../fixtures/catalogue.ts';
import { benchFront } from './http-front.ts';
import { assertWrk, type WrkResult, wrk } from './wrk.ts';

const DURATION_SEC = 5;
const CONNECTIONS = 10;
const CLASS_CONNECTIONS = 200;
const CLASS_DURATION_SEC = 10;
/** Published artifacts searched in the classroom scenario: a large museum's catalogue. */
const CATALOGUE_SIZE = 5000;
/** About four seconds of the 720p rung: what a player fetches most. */
const SEGMENT_BYTES = 1_500_000;
/**
 * About four seconds of the 360p rung, what a phone in a classroom fetches: small enough that 200 connections
 * measure the server's turn-taking rather than loopback bandwidth.
 */
const CLASS_SEGMENT_BYTES = 400_000;

/** What a class types, letter by letter, in both languages, with and without diacritics. */
const TYPED = ['khèn', 'hmong', 'cồng chiêng', 'dệt', 'nhà rông', 'gùi', 'thái', 'weaving', 'drum', 'ê đê'];

function classQueries(): string[] {
  const paths: string[] = [];
  for (const word of TYPED) {
    for (let n = 1; n <= word.length; n++) {
      paths.push(`/api/search?q=${encodeURIComponent(word.slice(0, n))}`);
    }
  }
  return paths;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
}

/** Copies of the fixture artifacts, published, so search has thousands of stories to look through. */
function growCatalogue(repos: CatalogueRepositories, count: number): void {
  const fixtures = loadArtifacts();
  for (let i = 0; i < count; i++) {
    const a = fixtures[i % fixtures.length];
    if (!a) break;
    repos.artifacts.create(
      {
        slug: `${a.slug}-${i}`,
        accessionNumber: `${a.accessionNumber}-${i}`,
        title: a.title,
        story: a.story,
        category: a.category,
        material: a.material,
        region: a.region,
        featured: false,
        ethnicGroups: a.ethnicGroups,
      },
      'published',
    );
  }
}

function strict(name: string, r: WrkResult): WrkResult {
  if (r.errors > 0) process.stderr.write(`  ${name}: ${r.errors} errors during the run\n`);
  return r;
}

export async function benchHttp(): Promise<void> {
  assertWrk();
  const work = mkdtempSync(join(tmpdir(), 'bench-http-'));
  const constant = Fastify();
  constant.get('/', async () => ({ ok: true }));

  const app = await buildApp(loadConfig({}, { DATA_DIR: work, SEED: 'none', WORKER: 'off' }));
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
  mkdirSync(join(app.config.mediaDir, video.id, 'v1', '360p'), { recursive: true });
  writeFileSync(
    join(app.config.mediaDir, video.id, 'v1', '360p', 'seg_00001.m4s'),
    randomBytes(CLASS_SEGMENT_BYTES),
  );
  // The same file from bare @fastify/static: what our checks (path, publication, version) cost on top.
  await constant.register(fastifyStatic, { root: segmentDir, prefix: '/static/' });
  const constantBase = await listen(constant);
  const base = await listen(app);
  const segmentUrl = `${base}/media/${video.id}/v1/720p/seg_00001.m4s`;
  const classSegmentUrl = `${base}/media/${video.id}/v1/360p/seg_00001.m4s`;

  const segment = `segment (${(SEGMENT_BYTES / 1e6).toFixed(1)} MB)`;
  const rows: [string, WrkResult][] = [];
  for (const [name, url] of [
    ['Fastify constant (reference)', `${constantBase}/`],
    ['GET /api/artifacts', `${base}/api/artifacts`],
    ['GET /api/artifacts?ethnicGroup=hmong', `${base}/api/artifacts?ethnicGroup=hmong`],
    [`bare @fastify/static, same ${segment}`, `${constantBase}/static/seg_00001.m4s`],
    [`GET /media/ ${segment}`, segmentUrl],
  ] as const) {
    process.stderr.write(`  measuring ${name} for ${DURATION_SEC} s…\n`);
    rows.push([name, strict(name, await wrk(url, { connections: CONNECTIONS, durationSec: DURATION_SEC }))]);
  }
  await constant.close();

  const constantRps = rows[0]?.[1].requestsPerSec ?? 1;
  const staticRps = rows[3]?.[1].requestsPerSec ?? 1;
  console.log(`wrk, ${CONNECTIONS} connections, ${DURATION_SEC} s each, loopback`);
  console.log('| route | requests/s | ratio to constant | ratio to bare static | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [i, [name, r]] of rows.entries()) {
    const toStatic = i >= 3 ? (r.requestsPerSec / staticRps).toFixed(3) : '';
    console.log(
      `| ${name} | ${r.requestsPerSec.toFixed(0)} | ${(r.requestsPerSec / constantRps).toFixed(3)} | ${toStatic} | ${r.errors} |`,
    );
  }

  // The classroom: a catalogue of thousands, a class typing, and someone watching a film.
  process.stderr.write(`  publishing ${CATALOGUE_SIZE} more artifacts and indexing them…\n`);
  growCatalogue(app.repos, CATALOGUE_SIZE);
  await app.searchSync.drain();
  const paths = classQueries();
  // Every run connects first, then loads (see WrkOptions.holdMs): the hold second is added to the run.
  const load = {
    connections: CLASS_CONNECTIONS,
    durationSec: CLASS_DURATION_SEC + 1,
    holdMs: 1000,
    workDir: work,
  };
  process.stderr.write(
    `  ${CLASS_CONNECTIONS} connections on the segment alone for ${CLASS_DURATION_SEC} s…\n`,
  );
  const alone = strict('segment alone', await wrk(classSegmentUrl, load));
  process.stderr.write(`  ${CLASS_CONNECTIONS} connections searching alone for ${CLASS_DURATION_SEC} s…\n`);
  const searchAlone = strict('search alone', await wrk(base, { ...load, paths }));
  process.stderr.write(`  both at once for ${CLASS_DURATION_SEC} s…\n`);
  const [searchLoaded, loaded] = await Promise.all([
    wrk(base, { ...load, paths }).then((r) => strict('search with segment', r)),
    wrk(classSegmentUrl, load).then((r) => strict('segment with search', r)),
  ]);
  await app.close();

  console.log(
    `\nwrk, ${CLASS_CONNECTIONS} connections per route, ${CLASS_DURATION_SEC} s, ${CATALOGUE_SIZE + loadArtifacts().length} ` +
      `published artifacts, ${paths.length} search prefixes typed in turn`,
  );
  console.log('| scenario | route | requests/s | p50 ms | p99 ms | errors |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  // A route that answered nothing within the run has no latency to show: it is the failure to report.
  const latency = (r: WrkResult, v: number) => (r.requests ? v.toFixed(1) : 'no answer');
  const line = (scenario: string, route: string, r: WrkResult) =>
    console.log(
      `| ${scenario} | ${route} | ${r.requestsPerSec.toFixed(0)} | ${latency(r, r.p50)} | ${latency(r, r.p99)} | ${r.errors} |`,
    );
  const classSegment = `segment (${(CLASS_SEGMENT_BYTES / 1e3).toFixed(0)} kB)`;
  line('alone', `media ${classSegment}`, alone);
  line('alone', 'search', searchAlone);
  line('together', `media ${classSegment}`, loaded);
  line('together', 'search', searchLoaded);
  const errors = alone.errors + searchAlone.errors + loaded.errors + searchLoaded.errors;
  const ratio =
    loaded.requests && alone.requests
      ? `${(loaded.p99 / alone.p99).toFixed(2)}× (${loaded.p99.toFixed(1)} ms / ${alone.p99.toFixed(1)} ms)`
      : 'no segment was answered within the run';
  console.log(
    `\nsegment p99 while ${CLASS_CONNECTIONS} connections search / segment p99 alone: ${ratio}; errors: ${errors}`,
  );
  // Then the same kind of segment through the front server that compose puts before the app (issue 14).
  await benchFront();
}
