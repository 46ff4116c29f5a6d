import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.WORKER).toBe('inline');
    expect(config.dbFile).toMatch(/data\/catalogue\.sqlite$/);
  });

  it('converts and validates values from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      TRUST_PROXY: '1',
      PUBLIC_URL: 'https://stories.example.org',
      MEILI_URL: 'http://meili:7700',
    });
    expect(config).toMatchObject({ PORT: 8080, trustProxy: 1, MEILI_URL: 'http://meili:7700' });
  });

  it('names every wrong variable in one error', () => {
    try {
      loadConfig({ PORT: 'eighty', WORKER: 'sometimes' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const { problems } = err as ConfigError;
      expect(problems.some((p) => p.startsWith('PORT='))).toBe(true);
      expect(problems.some((p) => p.startsWith('WORKER='))).toBe(true);
    }
  });

  it('masks secrets when printed', () => {
    const shown = describeConfig(loadConfig({ MEILI_MASTER_KEY: 'hunter2' }));
    expect(shown.MEILI_MASTER_KEY).toBe('********');
  });
});

describe('S3 settings', () => {
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (err) {
      return (err as ConfigError).problems;
    }
  };

  it('keeps media under DATA_DIR without a bucket, and builds the S3 settings with one', () => {
    expect(loadConfig({}).s3).toBeNull();
    const config = loadConfig({
      S3_BUCKET: 'museum-media',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(config.s3).toEqual({
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      bucket: 'museum-media',
      accessKeyId: 'key',
      secretAccessKey: 'secret',
      forcePathStyle: true,
    });
    expect(describeConfig(config).S3_SECRET_ACCESS_KEY).toBe('********');
  });

  it('refuses a half-made S3 configuration, saying what to set', () => {
    expect(problems({ S3_ENDPOINT: 'http://minio:9000' })).toEqual([
      expect.stringMatching(/S3_ENDPOINT set without S3_BUCKET: name the bucket/),
    ]);
    expect(problems({ S3_BUCKET: 'museum-media', S3_ACCESS_KEY_ID: 'key' })).toEqual([
      expect.stringMatching(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together/),
    ]);
    expect(problems({ S3_BUCKET: 'Museum_Media' })[0]).toMatch(/3–63 lower-case letters/);
    expect(problems({ S3_BUCKET: 'museum-media', S3_ENDPOINT: 'minio:9000/x' })[0]).toMatch(
      /with its scheme/,
    );
    expect(problems({ S3_BUCKET: 'museum-media', MAX_UPLOAD_BYTES: String(6 * 1024 ** 3) })[0]).toMatch(
      /above 5 GiB/,
    );
  });
});
