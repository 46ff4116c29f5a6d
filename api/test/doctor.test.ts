import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalStore } from '@artifact-stories/media-pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createSearchEngine } from '../src/search/create.ts';
import { diagnose } from '../src/services/ops/doctor.ts';

// A Meilisearch that is up but refuses the key it is given: /health needs no key and answers 200,
// everything else is 403, as a real server does with a wrong MEILI_MASTER_KEY.
const server = createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  if (req.url === '/health') return res.end('{"status":"available"}');
  res.statusCode = 403;
  res.end('{"message":"The provided API key is invalid.","code":"invalid_api_key","type":"auth"}');
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('npm run doctor', () => {
  it('calls a Meilisearch that refuses the key not ready, though its /health answers', async () => {
    const config = loadConfig(
      {},
      { MEILI_URL: url, MEILI_MASTER_KEY: 'a-key-this-server-refuses-0123456789' },
    );
    const findings = await diagnose(
      config,
      async () => ({ integrity: 'ok', schemaVersion: 1, artifacts: 0, failedJobs: 0, filesOnDisk: 0 }),
      () => createSearchEngine(config).health(),
      new LocalStore(config.mediaDir),
    );
    const search = findings.find((f) => f.check === 'search');
    expect(search?.ok).toBe(false);
    expect(search?.fix).toMatch(/MEILI_MASTER_KEY/);
  });

  it('with a bucket, says when sources or captions are still named on the app’s disk, and what to do', async () => {
    const config = loadConfig(
      {},
      {
        S3_BUCKET: 'museum',
        S3_ENDPOINT: 'http://127.0.0.1:9',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret-0123456789',
      },
    );
    const bucket = { where: 'bucket museum', check: async () => {} };
    const summary = (filesOnDisk: number) => async () => ({
      integrity: 'ok',
      schemaVersion: 1,
      artifacts: 2,
      failedJobs: 0,
      filesOnDisk,
    });
    const ready = async () => true;
    const before = (await diagnose(config, summary(3), ready, bucket)).find(
      (f) => f.check === 'files in the bucket',
    );
    expect(before).toMatchObject({ ok: false, detail: expect.stringMatching(/^3 /) });
    expect(before?.fix).toMatch(/start the app/);
    const after = (await diagnose(config, summary(0), ready, bucket)).find(
      (f) => f.check === 'files in the bucket',
    );
    expect(after?.ok).toBe(true);
    const local = loadConfig({}, {});
    expect(
      (await diagnose(local, summary(3), ready, bucket)).some((f) => f.check === 'files in the bucket'),
    ).toBe(false);
  });
});
