import { afterEach, describe, expect, it } from 'vitest';
import type { RawConfig } from '../src/config.ts';
import { makeTestApp, type TestApp } from './helpers.ts';

// /readyz promises that the database, the search engine and ffmpeg are usable: each check must be able to fail.
type Ready = { ok: boolean; checks: Record<string, { ok: boolean; detail: string }> };

let t: TestApp | undefined;

afterEach(async () => {
  if (!t) return;
  // A closed database makes close() fail part-way; the next test builds its own app anyway.
  await t.app.close().catch(() => {});
  t = undefined;
});

async function ready(config: Partial<RawConfig> = {}, before?: (t: TestApp) => void) {
  t = await makeTestApp({ config });
  await t.app.ready();
  before?.(t);
  const res = await t.app.inject({ method: 'GET', url: '/readyz' });
  return { status: res.statusCode, body: res.json() as Ready };
}

describe('/readyz', () => {
  it('is ready when all three answer', async () => {
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(Object.keys(body.checks).sort()).toEqual(['database', 'ffmpeg', 'search']);
    expect(body.ok).toBe(true);
  });

  it('is not ready when the database does not answer', async () => {
    const { status, body } = await ready({}, (t) => t.app.db.close());
    expect(status).toBe(503);
    expect(body.ok).toBe(false);
    expect(body.checks.database?.ok).toBe(false);
  });

  it('is not ready when Meilisearch cannot be reached', async () => {
    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const { status, body } = await ready({ MEILI_URL: 'http://127.0.0.1:1' });
    expect(status).toBe(503);
    expect(body.checks.search).toMatchObject({ ok: false, detail: expect.stringContaining('unreachable') });
  });

  it('is not ready when the configured ffmpeg does not exist', async () => {
    const { status, body } = await ready({ FFMPEG_PATH: '/nonexistent/ffmpeg' });
    expect(status).toBe(503);
    expect(body.checks.ffmpeg).toMatchObject({ ok: false, detail: expect.stringContaining('FFMPEG_PATH') });
  });
});
