import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchResponse } from '@artifact-stories/contracts/schemas';
import { makeClip } from '@artifact-stories/media-pipeline/testing';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EmbeddedSearchEngine } from '../src/search/embedded.ts';
import { makeTestApp, type TestApp } from './helpers.ts';
import { artifactInput, staffCookie } from './staff-helpers.ts';

// Robustness under abuse and load (issue 12, items 7, 8, 9 and 12): one case per item.

let t: TestApp;
let editor: string;
let base: string;
const work = mkdtempSync(join(tmpdir(), 'hardening-load-'));

beforeAll(async () => {
  t = await makeTestApp({ catalogue: true });
  editor = await staffCookie(t.app, 'editor');
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
});
afterAll(async () => t.app.close());

const tusHeaders = (cookie: string, extra: Record<string, string> = {}) => ({
  cookie,
  'tus-resumable': '1.0.0',
  ...extra,
});

/** A tus creation (no bytes yet) for a new artifact of the signed-in staff member. */
function createUpload(app: TestApp['app'], cookie: string, length: number, lang = 'en') {
  const artifact = app.repos.artifacts.create(artifactInput());
  const meta = `artifactId ${Buffer.from(String(artifact.id)).toString('base64')},filename ${Buffer.from('clip.mp4').toString('base64')}`;
  return app.inject({
    method: 'POST',
    url: '/api/staff/uploads',
    headers: tusHeaders(cookie, {
      'upload-length': String(length),
      'upload-metadata': meta,
      'accept-language': lang,
    }),
  });
}

describe('robustness under abuse and load', () => {
  it('item 7: out-of-range paging and ids are a 400 naming the parameter, never a 500', async () => {
    const huge = '99999999999999999999';
    const cases: ['GET' | 'POST', string, Record<string, string>, RegExp][] = [
      ['GET', `/api/artifacts/?page=${huge}`, {}, /"page"/],
      ['GET', `/api/artifacts/?pageSize=${huge}`, {}, /"pageSize"/],
      ['GET', `/api/search?q=k&page=${huge}`, {}, /"page"/],
      ['GET', `/api/staff/artifacts?page=${huge}`, { cookie: editor }, /"page"/],
      ['GET', `/api/staff/jobs?page=${huge}`, { cookie: editor }, /"page"/],
      ['GET', `/api/staff/artifacts/${huge}`, { cookie: editor }, /"id"/],
      ['POST', `/api/staff/jobs/${huge}/retry`, { cookie: editor }, /"id"/],
    ];
    for (const [method, url, headers, field] of cases) {
      const res = await t.app.inject({ method, url, headers: { ...headers, 'accept-language': 'en' } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().message, url).toMatch(field);
    }
    const vi = await t.app.inject({
      method: 'GET',
      url: `/api/artifacts/?page=${huge}`,
      headers: { 'accept-language': 'vi' },
    });
    expect(vi.json().message).toMatch(/^Tham số «page» phải nhỏ hơn hoặc bằng 10000\.$/);
    // The last page allowed is simply empty.
    const last = await t.app.inject({ method: 'GET', url: '/api/artifacts/?page=10000&pageSize=100' });
    expect(last.statusCode).toBe(200);
    expect(last.json()).toMatchObject({ items: [], page: 10000 });
  });

  it('item 8: a body sent to no route is never read; JSON nested too deep is refused before parsing', async () => {
    const own = await makeTestApp();
    try {
      const parsed: string[] = [];
      own.app.addHook('preParsing', async (request) => {
        parsed.push(request.url);
      });
      const deep = `${'['.repeat(512 * 1024)}${']'.repeat(512 * 1024)}`;
      const unknown = await own.app.inject({
        method: 'POST',
        url: '/api/nowhere',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        payload: deep,
      });
      expect(unknown.statusCode).toBe(404);
      expect(parsed).toEqual([]);
      expect(unknown.json().message).toBe('Nothing at POST /api/nowhere');
      expect(unknown.headers.connection).toBe('close');

      // A route that takes JSON refuses the nesting itself, in the user's language, saying what to do.
      const login = await own.app.inject({
        method: 'POST',
        url: '/api/staff/login',
        headers: { 'content-type': 'application/json', 'accept-language': 'vi' },
        payload: `{"email":${'['.repeat(100)}${']'.repeat(100)},"password":"x"}`,
      });
      expect(login.statusCode).toBe(400);
      expect(login.json().message).toMatch(/lồng nhau sâu hơn 32 cấp/);
      const fine = await own.app.inject({
        method: 'POST',
        url: '/api/staff/login',
        payload: { email: 'nobody@museum.test', password: 'not the password' },
      });
      expect(fine.statusCode).toBe(401);

      // Requests to no route are still counted, in onRequest: the 121st in a minute is refused.
      const answers: number[] = [];
      for (let i = 0; i < 121; i++) {
        const res = await own.app.inject({ method: 'POST', url: `/api/nowhere/${i}`, payload: { i } });
        answers.push(res.statusCode);
      }
      expect(answers.slice(0, 119).every((s) => s === 404)).toBe(true);
      expect(answers.at(-1)).toBe(429);
    } finally {
      await own.app.close();
    }
  });

  it('item 9: uploads are limited per session, not per address; at most three at once; never past the free disk', async () => {
    // A clip sent in ~150 chunks from one session, then another session from the same address: under a
    // limit of 120 requests a minute per address, both would meet 429s halfway.
    const clip = readFileSync(
      await makeClip({ durationSec: 1, width: 256, height: 144, fps: 10, audio: false }, join(work, 'c.mp4')),
    );
    const chunkSize = Math.ceil(clip.length / 150);
    const send = (cookie: string) =>
      new Promise<Error | undefined>((resolve) => {
        const artifact = t.app.repos.artifacts.create(artifactInput());
        const upload = new tus.Upload(clip, {
          endpoint: `${base}/api/staff/uploads`,
          metadata: { artifactId: String(artifact.id), filename: 'khen.mp4' },
          headers: { cookie },
          chunkSize,
          retryDelays: null,
          storeFingerprintForResuming: false,
          onSuccess: () => resolve(undefined),
          onError: (err) => resolve(err),
        });
        upload.start();
      });
    expect(await send(editor)).toBeUndefined();
    const colleague = await staffCookie(t.app, 'editor');
    expect(await send(colleague)).toBeUndefined();

    // Three uploads in progress per person; the fourth is told to wait, in the user's language.
    const busy = await staffCookie(t.app, 'editor');
    const started = [];
    for (let i = 0; i < 3; i++) started.push(await createUpload(t.app, busy, 1000));
    expect(started.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const fourth = await createUpload(t.app, busy, 1000, 'vi');
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json().message).toBe(
      'Bạn đang có 3 lượt tải lên chưa xong. Hãy đợi một lượt tải xong (hoặc huỷ một lượt), rồi bắt đầu tải tệp này.',
    );
    expect((await createUpload(t.app, colleague, 1000)).statusCode).toBe(201);
    // Abandoning one frees its place at once.
    const abandoned = await t.app.inject({
      method: 'DELETE',
      url: started[0]?.headers.location as string,
      headers: tusHeaders(busy),
    });
    expect(abandoned.statusCode).toBe(204);
    expect((await createUpload(t.app, busy, 1000)).statusCode).toBe(201);

    // A file larger than the free disk is refused before its first byte, saying how much is free.
    const roomy = await makeTestApp({
      catalogue: true,
      config: { MAX_UPLOAD_BYTES: Number.MAX_SAFE_INTEGER },
    });
    try {
      const huge = 2 ** 52;
      const full = await createUpload(roomy.app, await staffCookie(roomy.app, 'editor'), huge);
      expect(full.statusCode).toBe(507);
      expect(full.json().message).toMatch(
        /^Not enough disk space on the server: this file is 4096 TiB, and 256 MiB must stay free for processing, but only [\d.]+ [KMGT]?i?B is free\. Ask an administrator to free space, or upload a smaller file\.$/,
      );
    } finally {
      await roomy.app.close();
    }
  });

  it('item 9: a session that floods the upload routes gets 429 with Retry-After; another session does not', async () => {
    const flooder = await staffCookie(t.app, 'editor');
    const other = await staffCookie(t.app, 'editor');
    const url = (await createUpload(t.app, flooder, 1000)).headers.location as string;
    let last = await t.app.inject({ method: 'HEAD', url, headers: tusHeaders(flooder) });
    for (let i = 1; i <= 1200 && last.statusCode !== 429; i++) {
      last = await t.app.inject({ method: 'HEAD', url, headers: tusHeaders(flooder) });
    }
    expect(last.statusCode).toBe(429);
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    const calm = await t.app.inject({ method: 'HEAD', url, headers: tusHeaders(other) });
    expect(calm.statusCode).toBe(200);
  });

  it('item 12: equal searches share one computation; an edit is visible in the very next search', async () => {
    const computed = vi.spyOn(EmbeddedSearchEngine.prototype, 'search');
    try {
      const search = () =>
        t.app.inject({ method: 'GET', url: '/api/search?q=K&lang=en', headers: { 'accept-language': 'en' } });
      // A class typing the same letter at the same moment; spacing and case do not make a new search.
      const answers = await Promise.all([
        ...Array.from({ length: 20 }, search),
        t.app.inject({ method: 'GET', url: '/api/search?q=%20k%20&lang=en' }),
      ]);
      expect(answers.every((a) => a.statusCode === 200)).toBe(true);
      const first = answers[0]?.json() as SearchResponse;
      expect(first.hits.length).toBeGreaterThan(0);
      expect(computed).toHaveBeenCalledTimes(1);

      const hit = first.hits[0]?.artifact.slug as string;
      const record = t.app.repos.artifacts.bySlug(hit);
      const edit = await t.app.inject({
        method: 'PATCH',
        url: `/api/staff/artifacts/${record?.id}`,
        headers: { cookie: editor },
        payload: { title: { vi: record?.title.vi, en: 'Kettle of the hardening test' } },
      });
      expect(edit.statusCode).toBe(200);
      await t.app.searchSync.drain();
      const after = (await search()).json() as SearchResponse;
      expect(after.hits.find((h) => h.artifact.slug === hit)?.titleHtml).toBe(
        '<mark>Kettle</mark> of the hardening test',
      );
      expect(computed).toHaveBeenCalledTimes(2);

      // Taken down: gone from the very next search, even before the index has heard of it.
      const down = await t.app.inject({
        method: 'POST',
        url: `/api/staff/artifacts/${record?.id}/unpublish`,
        headers: { cookie: editor },
      });
      expect(down.statusCode).toBe(200);
      const gone = (await search()).json() as SearchResponse;
      expect(gone.hits.map((h) => h.artifact.slug)).not.toContain(hit);
    } finally {
      computed.mockRestore();
    }
  });
});
