import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachFakeVideo, type TestApp } from './helpers.ts';
import { makeReachApp } from './reach-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await makeReachApp();
});
afterAll(async () => t.app.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });

describe('pages of the site', () => {
  it('answer 200 with the app whatever the Accept header (curl and crawlers send */*)', async () => {
    for (const url of ['/', '/search?q=khen', '/groups/hmong', '/staff', '/staff/artifacts/new']) {
      for (const accept of ['*/*', 'text/html', '']) {
        const res = await get(url, accept ? { accept } : {});
        expect(res.statusCode, `${url} ${accept}`).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.body).toMatch(/^<!doctype html>/i);
      }
    }
  });

  it('give unknown pages the app with a 404, and unknown API paths and files a JSON 404', async () => {
    for (const url of ['/groups/atlantis', '/no-such-page']) {
      const res = await get(url, { accept: '*/*' });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
    }
    for (const url of ['/api/nothing', '/favicon.ico', '/media/x/y/z.m4s']) {
      const res = await get(url, { accept: '*/*' });
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toEqual({
        statusCode: 404,
        error: 'Not Found',
        message: expect.any(String),
        code: 'not_found',
      });
    }
  });
});

describe('compression', () => {
  it('compresses JSON for clients that accept it, and the content is the same', async () => {
    const plain = await get('/api/ethnic-groups');
    const br = await get('/api/ethnic-groups', { 'accept-encoding': 'br, gzip' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
  });

  it('leaves media alone: playlists and captions are served as stored, so Range answers stay exact', async () => {
    const videoId = attachFakeVideo(t, 'khen-hmong');
    for (const file of ['master.m3u8', 'captions/en.vtt']) {
      const res = await get(`/media/${videoId}/v1/${file}`, { 'accept-encoding': 'br, gzip' });
      expect(res.statusCode, file).toBe(200);
      expect(res.headers['content-encoding'], file).toBeUndefined();
    }
  });
});
