import diagnostics from 'node:diagnostics_channel';
import type { FastifyInstance, HTTPMethods, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers.ts';
import { addStaff, artifactInput } from './staff-helpers.ts';

interface SeenRoute {
  method: string;
  url: string;
  hooks: unknown[];
}

// Every route the app registers, seen through an onRoute hook added the moment Fastify is created
// (Fastify publishes 'fastify.initialization'), so the list below is derived, never hand-written.
const seen: SeenRoute[] = [];
/** A route a newcomer adds beside GET /api/staff/me, writing nothing about sessions: the folder must guard it. */
const NEWCOMER = '/api/staff/newcomer';
const onInit = (message: unknown) => {
  const { fastify } = message as { fastify: FastifyInstance };
  fastify.addHook('onRoute', function (this: FastifyInstance, r: RouteOptions) {
    // `this` is the context the route is declared in: the new route lands in the same place in the folder.
    if (r.url === '/api/staff/me' && r.method === 'GET')
      this.get('/newcomer', async () => ({ reached: true }));
    for (const method of [r.method].flat() as HTTPMethods[]) {
      seen.push({
        method,
        url: r.url,
        hooks: [r.onRequest, r.preValidation, r.preHandler].flat().filter(Boolean),
      });
    }
  });
};

let t: TestApp;
let staffRoutes: SeenRoute[];
let editorCookie: string;
const params: Record<string, string> = {};

beforeAll(async () => {
  diagnostics.subscribe('fastify.initialization', onInit);
  try {
    t = await makeTestApp({ catalogue: true });
  } finally {
    diagnostics.unsubscribe('fastify.initialization', onInit);
  }
  staffRoutes = seen.filter((r) => r.url === '/api/staff' || r.url.startsWith('/api/staff/'));
  const editor = await addStaff(t.app, 'editor');
  editorCookie = `sid=${t.app.staffAccounts.startSession(editor.id).token}`;
  // Real ids, so a route that forgot its guard would find something to act on.
  const artifact = t.app.repos.artifacts.create(artifactInput());
  const job = t.app.queue.enqueue('transcode', { videoId: 'none', input: '/none' });
  params.artifactId = String(artifact.id);
  params.jobId = String(job.id);
});
afterAll(async () => t.app.close());

/** Fills each :param with a real id; a new parameter name fails the test until it is given a value here. */
function fill(url: string): string {
  return url.replace(/:([A-Za-z]+)|\*/g, (whole, name: string | undefined, offset: number) => {
    if (whole === '*') return 'x';
    const before = url.slice(0, offset);
    if (name === 'id' && before.endsWith('/jobs/')) return params.jobId as string;
    if (name === 'id') return params.artifactId as string;
    if (name === 'lang') return 'vi';
    if (name === 'index') return '0';
    if (name === 'uploadId') return '0123456789abcdef0123456789abcdef';
    if (name === 'slug') return 'x';
    if (name === 'code') return 'BCD234';
    throw new Error(`No test value for :${name} in ${url}: add one to fill() in auth-routes.test.ts`);
  });
}

/** A route that never answers fails with its name rather than timing the whole test out. */
function withTimeout<T>(what: string, p: Promise<T>, ms = 10_000): Promise<T> {
  return Promise.race([
    p,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what} did not answer in ${ms} ms`)), ms),
    ),
  ]);
}

const isPublic = (r: SeenRoute) => r.method === 'POST' && r.url === '/api/staff/login';
const isAdminOnly = (app: FastifyInstance, r: SeenRoute) => r.hooks.includes(app.requireAdmin);

describe('the staff route table', () => {
  it('is what we expect it to be at least (the derived list is not empty or partial)', () => {
    const keys = staffRoutes.map((r) => `${r.method} ${r.url}`);
    for (const k of [
      'POST /api/staff/login',
      'GET /api/staff/me',
      'DELETE /api/staff/artifacts/:id',
      'PUT /api/staff/artifacts/:id/captions/:lang',
      'DELETE /api/staff/artifacts/:id/captions/:lang',
      'GET /api/staff/jobs/events',
      'POST /api/staff/jobs/:id/retry',
      'PATCH /api/staff/uploads/:uploadId',
      'GET /api/staff/users',
      'GET /api/staff/labels',
    ]) {
      expect(keys).toContain(k);
    }
    expect(staffRoutes.filter((r) => isAdminOnly(t.app, r)).map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'DELETE /api/staff/artifacts/:id',
        'GET /api/staff/users',
        'POST /api/staff/users',
      ]),
    );
  });

  it('no route carries its own session check: the staff folder guards them all, so a new one needs nothing', () => {
    // The folder's onRequest hook (routes/api/staff/index.ts) is the guard; the next test proves it holds.
    const ownGuard = staffRoutes
      .filter((r) => r.hooks.includes(t.app.requireStaff))
      .map((r) => `${r.method} ${r.url}`);
    expect(ownGuard).toEqual([]);
  });

  it('a route added to the staff folder without a word about sessions is guarded by where it lives', async () => {
    expect(staffRoutes.map((r) => `${r.method} ${r.url}`)).toContain(`GET ${NEWCOMER}`);
    expect((await t.app.inject({ method: 'GET', url: NEWCOMER })).statusCode).toBe(401);
    const signedIn = await t.app.inject({ method: 'GET', url: NEWCOMER, headers: { cookie: editorCookie } });
    expect(signedIn.json()).toEqual({ reached: true });
  });

  it('every guarded route answers 401 without a session cookie (and with a forged one)', async () => {
    const failures: string[] = [];
    for (const r of staffRoutes.filter((x) => !isPublic(x))) {
      for (const cookie of [undefined, 'sid=forged-token']) {
        const res = await withTimeout(
          `${r.method} ${r.url}`,
          t.app.inject({
            method: r.method as HTTPMethods,
            url: fill(r.url),
            headers: cookie ? { cookie } : {},
          }),
        );
        if (res.statusCode !== 401)
          failures.push(`${r.method} ${r.url} (${cookie ?? 'no cookie'}): ${res.statusCode}`);
        else if (r.method !== 'HEAD') {
          expect(res.json()).toMatchObject({
            statusCode: 401,
            error: 'Unauthorized',
            message: expect.any(String),
          });
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to an editor on every admin route, and lets an editor through everywhere else', async () => {
    const failures: string[] = [];
    // The live job stream never ends by itself, so inject cannot wait for it: jobs-routes.test.ts opens it
    // over real HTTP with an editor's cookie.
    for (const r of staffRoutes.filter((x) => !isPublic(x) && !x.url.endsWith('/jobs/events'))) {
      // Signing out would end the session the other requests use; it gets its own session.
      const cookie =
        r.url === '/api/staff/logout'
          ? `sid=${t.app.staffAccounts.startSession((await addStaff(t.app, 'editor')).id).token}`
          : editorCookie;
      const res = await withTimeout(
        `${r.method} ${r.url}`,
        t.app.inject({ method: r.method as HTTPMethods, url: fill(r.url), headers: { cookie } }),
      );
      const admin = isAdminOnly(t.app, r);
      if (admin && res.statusCode !== 403)
        failures.push(`${r.method} ${r.url}: ${res.statusCode}, expected 403`);
      if (!admin && (res.statusCode === 401 || res.statusCode === 403)) {
        failures.push(`${r.method} ${r.url}: ${res.statusCode} for an editor`);
      }
    }
    expect(failures).toEqual([]);
  });
});
