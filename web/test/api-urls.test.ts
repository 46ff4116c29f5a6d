import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '@artifact-stories/api';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../api/src/config.ts';
import * as lessonsApi from '../src/lib/api/lessons.ts';
import * as publicApi from '../src/lib/api/public.ts';
import * as staffApi from '../src/lib/api/staff.ts';

// The client's only tie to Svelte: the language header. Runes need the Svelte compiler, which this project
// does not run over plain .ts files.
vi.mock('../src/lib/i18n/i18n.svelte.ts', () => ({ locale: { lang: 'en' } }));

/**
 * The web's calls are written by hand and typed by the contracts' schemas; this is what keeps their URLs
 * and methods from drifting away from the api's routes. Every exported call is made once against a fake
 * fetch, and each (method, path) it sent must be an operation of the api's OpenAPI document.
 */
type Call = { method: string; path: string };

const calls: Call[] = [];
const record = (method: string, url: string) =>
  calls.push({ method, path: new URL(url, 'http://x').pathname });

/** Each export of the web's api modules and how to use it once. A new export must be added here. */
const uses: Record<string, () => unknown> = {
  listArtifacts: () => publicApi.listArtifacts({ ethnicGroup: 'ba-na' }),
  getArtifact: () => publicApi.getArtifact('khen-hmong'),
  listEthnicGroups: () => publicApi.listEthnicGroups(),
  getEthnicGroup: () => publicApi.getEthnicGroup('ba-na'),
  listCategories: () => publicApi.listCategories(),
  listFilms: () => publicApi.listFilms({ order: 'shortest', duration: 'short' }),
  putGroupDescription: () => staffApi.putGroupDescription('ba-na', { description: { vi: 'x', en: '' } }),
  search: () => publicApi.search({ q: 'khen' }),
  createLesson: () => lessonsApi.createLesson({} as never),
  getLesson: () => lessonsApi.getLesson('BCD234'),
  getLessonForEditing: () => lessonsApi.getLessonForEditing('BCD234', 'token'),
  updateLesson: () => lessonsApi.updateLesson('BCD234', 'token', {} as never),
  lessonQrUrl: () => record('GET', lessonsApi.lessonQrUrl('BCD234')),
  lessonItemQrUrl: () => record('GET', lessonsApi.lessonItemQrUrl('BCD234', 2)),
  findLesson: () => lessonsApi.findLesson('BCD234'),
  setLessonTakenDown: async () => {
    await lessonsApi.setLessonTakenDown('BCD234', true);
    await lessonsApi.setLessonTakenDown('BCD234', false);
  },
  listExhibitions: () => publicApi.listExhibitions(),
  getExhibition: () => publicApi.getExhibition('song-cung-cay-lua'),
  listStaffExhibitions: () => staffApi.listStaffExhibitions(),
  getStaffExhibition: () => staffApi.getStaffExhibition(4),
  createExhibition: () => staffApi.createExhibition({} as never),
  saveExhibition: () => staffApi.saveExhibition(4, {} as never),
  setExhibitionPublished: async () => {
    await staffApi.setExhibitionPublished(4, true);
    await staffApi.setExhibitionPublished(4, false);
  },
  deleteExhibition: () => staffApi.deleteExhibition(4),
  login: () => staffApi.login('a@b.test', 'x'),
  logout: () => staffApi.logout(),
  me: () => staffApi.me(),
  listStaffArtifacts: () => staffApi.listStaffArtifacts({ status: 'draft' }),
  getStaffArtifact: () => staffApi.getStaffArtifact(7),
  createArtifact: () => staffApi.createArtifact({} as never),
  updateArtifact: () => staffApi.updateArtifact(7, {}),
  publishArtifact: () => staffApi.publishArtifact(7),
  unpublishArtifact: () => staffApi.unpublishArtifact(7),
  deleteArtifact: () => staffApi.deleteArtifact(7),
  getChapters: () => staffApi.getChapters(7),
  putChapters: () => staffApi.putChapters(7, []),
  putCaptions: () => staffApi.putCaptions(7, 'tyz', 'WEBVTT', { kind: 'transcription', source: 'human' }),
  deleteCaptions: () => staffApi.deleteCaptions(7, 'en'),
  getCaptionCues: () => staffApi.getCaptionCues(7, 'vi'),
  fixCue: () => staffApi.fixCue(7, 'vi', 0, 'Xin chào'),
  listAllPublished: () => staffApi.listAllPublished(),
  labelsUrl: () => record('GET', staffApi.labelsUrl(['khen-hmong'])),
  listJobs: () => staffApi.listJobs(),
  retryJob: () => staffApi.retryJob(3),
  cancelJob: () => staffApi.cancelJob(3),
  getPlaybackHealth: () => staffApi.getPlaybackHealth({ days: 30, network: 'slow' }),
  watchJobs: () => staffApi.watchJobs(() => {})(),
  // tus-js-client creates an upload with a POST here, then PATCHes and HEADs the URL it is given back.
  UPLOAD_ENDPOINT: () => {
    record('POST', staffApi.UPLOAD_ENDPOINT);
    record('PATCH', `${staffApi.UPLOAD_ENDPOINT}/an-upload-id`);
    record('HEAD', `${staffApi.UPLOAD_ENDPOINT}/an-upload-id`);
  },
};

/** `/api/artifacts/{slug}` → a pattern for concrete paths; a trailing slash is not a difference. */
const pathPattern = (openApiPath: string) =>
  new RegExp(`^${openApiPath.replace(/\/$/, '').replace(/\{[^}]+\}/g, '[^/]+')}/?$`);

describe('every URL the web calls is a route of the api, with the same method', () => {
  let app: FastifyInstance;
  let dataDir: string;
  let operations: { method: string; pattern: RegExp }[];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'artifact-stories-urls-'));
    app = await buildApp(loadConfig({}, { DATA_DIR: dataDir, SEED: 'none', WORKER: 'off' }));
    await app.ready();
    const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => ({ method: method.toUpperCase(), pattern: pathPattern(path) })),
    );

    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      record(init?.method ?? 'GET', url);
      return Response.json({ items: [], total: 0 });
    });
    vi.stubGlobal(
      'EventSource',
      class {
        constructor(url: string) {
          record('GET', url);
        }
        addEventListener() {}
        close() {}
      },
    );
    for (const use of Object.values(uses)) await use();
  });

  afterAll(async () => {
    vi.unstubAllGlobals();
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses every export of the web’s api modules (a new call is checked too)', () => {
    const exported = [...Object.keys(publicApi), ...Object.keys(staffApi), ...Object.keys(lessonsApi)].sort();
    expect(Object.keys(uses).sort()).toEqual(exported);
  });

  it('finds each call among the OpenAPI operations', () => {
    expect(calls.length).toBeGreaterThanOrEqual(Object.keys(uses).length);
    const missing = calls.filter(
      (c) => !operations.some((op) => op.method === c.method && op.pattern.test(c.path)),
    );
    expect(missing).toEqual([]);
  });
});
