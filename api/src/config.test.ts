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
