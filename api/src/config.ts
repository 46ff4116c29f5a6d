import { resolve } from 'node:path';
import type { S3Settings } from '@artifact-stories/media-pipeline';
import { type Static, Type } from 'typebox';
import Value from 'typebox/value';
import { parseTrustProxy, type TrustProxy } from './trust-proxy.ts';

/**
 * Every setting the app reads from the environment, with defaults. docker-compose.yml and README's
 * configuration table are checked against this schema by a test, so this is the one list.
 */
export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'HTTP port' }),
  HOST: Type.String({ default: '0.0.0.0', description: 'Interface to listen on' }),
  DATA_DIR: Type.String({ default: './data', description: 'Database, uploads and media live here' }),
  PUBLIC_URL: Type.String({
    default: '',
    description: 'The site as users reach it (https://...); used for absolute links and the Origin check',
  }),
  MEILI_URL: Type.String({ default: '', description: 'Meilisearch URL; empty = embedded search' }),
  MEILI_MASTER_KEY: Type.String({ default: '', description: 'Meilisearch API key' }),
  MEILI_INDEX: Type.String({ default: 'artifacts', description: 'Meilisearch index name' }),
  FFMPEG_PATH: Type.String({ default: '', description: 'ffmpeg binary (else ffmpeg-static, else PATH)' }),
  FFPROBE_PATH: Type.String({ default: '', description: 'ffprobe binary (else beside ffmpeg, else PATH)' }),
  WORKER: Type.Union([Type.Literal('inline'), Type.Literal('off')], {
    default: 'inline',
    description:
      "'inline' runs the transcode worker in the api process; 'off' when `npm run worker` runs apart",
  }),
  QUEUE_URL: Type.String({
    default: '',
    description:
      'Job queue: empty = SQLite in DATA_DIR (one machine); redis://host:6379 = BullMQ on Redis, for workers on several machines',
  }),
  SEED: Type.Union([Type.Literal('fixtures'), Type.Literal('none')], {
    default: 'fixtures',
    description: 'Load the fixture catalogue into an empty database at start',
  }),
  MAX_UPLOAD_BYTES: Type.Integer({
    minimum: 1,
    default: 2 * 1024 ** 3,
    description: 'Largest clip accepted',
  }),
  SESSION_TTL_HOURS: Type.Number({ minimum: 0.01, default: 12, description: 'Staff session lifetime' }),
  TRUST_PROXY: Type.String({
    default: 'false',
    description:
      'Which reverse proxy may set X-Forwarded-*: its address or CIDR range (comma-separated), or a hop count; not `true`',
  }),
  PURGE_URL: Type.String({
    default: '',
    description:
      'On unpublish or delete, POST the URLs that name the film here (a CDN purge endpoint or an adapter); empty = none',
  }),
  S3_BUCKET: Type.String({
    default: '',
    description: 'Bucket for sources, uploads and media; empty = the folders under DATA_DIR',
  }),
  S3_ENDPOINT: Type.String({
    default: '',
    description: 'S3-compatible server (http://minio:9000); empty = AWS itself',
  }),
  S3_REGION: Type.String({ default: 'us-east-1', description: "The bucket's region" }),
  S3_ACCESS_KEY_ID: Type.String({
    default: '',
    description: 'Access key; empty = the SDK finds one (IAM role)',
  }),
  S3_SECRET_ACCESS_KEY: Type.String({ default: '', description: 'Secret for S3_ACCESS_KEY_ID' }),
  S3_FORCE_PATH_STYLE: Type.Boolean({
    default: false,
    description: 'Address the bucket as endpoint/bucket/key (MinIO, Garage and most self-hosted servers)',
  }),
  LICENSE_URI: Type.String({
    default: 'http://creativecommons.org/licenses/by-nc-sa/4.0/',
    description: 'Rights statement for published media',
  }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info', description: 'Log level' },
  ),
});

export type RawConfig = Static<typeof ConfigSchema>;

export interface Config extends RawConfig {
  dbFile: string;
  mediaDir: string;
  uploadDir: string;
  /** Links to the versions on show, for the front server (services/published-tree.service.ts). */
  publishedDir: string;
  webDist: string;
  /** TRUST_PROXY parsed: what Fastify trusts (false, a hop count, or addresses). */
  trustProxy: TrustProxy;
  /** Set when S3_BUCKET is: media, sources and uploads go to the bucket. */
  s3: S3Settings | null;
  /** Where versions are built and sources downloaded before the bucket gets them (S3 only). */
  workDir: string;
}

/** CopyObject, which turns a finished upload into a source, takes at most 5 GiB in one call. */
const S3_COPY_MAX = 5 * 1024 ** 3;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const SECRET = /KEY|SECRET|PASSWORD|TOKEN/;

/** Reads the environment (only the keys we know), applies defaults and reports every wrong variable at once. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<RawConfig> = {},
): Config {
  const known = Object.keys(ConfigSchema.properties) as (keyof RawConfig)[];
  const input: Record<string, unknown> = {};
  for (const key of known) if (env[key] !== undefined && env[key] !== '') input[key] = env[key];
  const converted = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, input)) as Record<
    string,
    unknown
  >;
  Object.assign(converted, overrides);
  const problems = [...Value.Errors(ConfigSchema, converted)].map((e) => {
    const key = e.instancePath.replace(/^\//, '') || (e.params && JSON.stringify(e.params));
    const schema = ConfigSchema.properties[key as keyof RawConfig] as { description?: string } | undefined;
    const hint = schema?.description ? ` (${schema.description})` : '';
    return `${key}=${JSON.stringify(converted[key as string])}: ${e.message}${hint}`;
  });
  const raw = converted as RawConfig;
  if (raw.PUBLIC_URL && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(raw.PUBLIC_URL)) {
    problems.push(
      `PUBLIC_URL=${JSON.stringify(raw.PUBLIC_URL)}: write the site's address as visitors reach it, with its scheme (https://stories.example.org).`,
    );
  }
  if (raw.PURGE_URL && !/^https?:\/\/\S+$/.test(raw.PURGE_URL)) {
    problems.push(
      `PURGE_URL=${JSON.stringify(raw.PURGE_URL)}: write an http(s) URL to POST takedowns to, or leave it empty.`,
    );
  }
  if (raw.QUEUE_URL && !/^rediss?:\/\/[^/?#\s]+(\/\d{1,2})?$/.test(raw.QUEUE_URL)) {
    problems.push(
      `QUEUE_URL=${JSON.stringify(maskUrl(raw.QUEUE_URL))}: write a Redis URL (redis://redis:6379, ` +
        'rediss://user:password@host:6380/0 for TLS), or leave it empty to keep the queue in SQLite.',
    );
  }
  const proxy = problems.some((p) => p.startsWith('TRUST_PROXY='))
    ? { trust: false as const }
    : parseTrustProxy(String(raw.TRUST_PROXY));
  if ('problem' in proxy) problems.push(proxy.problem);
  else if (proxy.trust !== false && !raw.PUBLIC_URL) {
    // Behind a proxy the app cannot tell its public address from what the proxy forwards; links, the Origin
    // check and the Secure cookie need it said once.
    problems.push(
      `TRUST_PROXY=${JSON.stringify(raw.TRUST_PROXY)} needs PUBLIC_URL: behind a proxy, set PUBLIC_URL to the site as ` +
        'visitors reach it (PUBLIC_URL=https://stories.example.org).',
    );
  }
  problems.push(...s3Problems(raw));
  if (problems.length) throw new ConfigError(problems);
  const dataDir = resolve(raw.DATA_DIR);
  return {
    ...raw,
    DATA_DIR: dataDir,
    dbFile: resolve(dataDir, 'catalogue.sqlite'),
    mediaDir: resolve(dataDir, 'media'),
    uploadDir: resolve(dataDir, 'uploads'),
    publishedDir: resolve(dataDir, 'published'),
    webDist: resolve(import.meta.dirname, '../../web/dist'),
    trustProxy: 'trust' in proxy ? proxy.trust : false,
    s3: raw.S3_BUCKET
      ? {
          endpoint: raw.S3_ENDPOINT,
          region: raw.S3_REGION,
          bucket: raw.S3_BUCKET,
          accessKeyId: raw.S3_ACCESS_KEY_ID,
          secretAccessKey: raw.S3_SECRET_ACCESS_KEY,
          forcePathStyle: raw.S3_FORCE_PATH_STYLE,
        }
      : null,
    workDir: resolve(dataDir, 'work'),
  };
}

/** S3 settings are checked together: a half-configured bucket is refused at start, not at the first upload. */
function s3Problems(raw: RawConfig): string[] {
  const problems: string[] = [];
  const others = (['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((k) => raw[k]);
  if (!raw.S3_BUCKET) {
    if (others.length) {
      problems.push(
        `${others.join(', ')} set without S3_BUCKET: name the bucket (S3_BUCKET=museum-media), or unset them to keep media under DATA_DIR.`,
      );
    }
    return problems;
  }
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(raw.S3_BUCKET)) {
    problems.push(
      `S3_BUCKET=${JSON.stringify(raw.S3_BUCKET)}: a bucket name is 3–63 lower-case letters, digits, dots and hyphens.`,
    );
  }
  if (raw.S3_ENDPOINT && !/^https?:\/\/[^/?#\s]+\/?$/.test(raw.S3_ENDPOINT)) {
    problems.push(
      `S3_ENDPOINT=${JSON.stringify(raw.S3_ENDPOINT)}: write the server's address with its scheme and no path (http://minio:9000), or leave it empty for AWS.`,
    );
  }
  if (Boolean(raw.S3_ACCESS_KEY_ID) !== Boolean(raw.S3_SECRET_ACCESS_KEY)) {
    problems.push(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to let the SDK find credentials (an IAM role).',
    );
  }
  if (raw.MAX_UPLOAD_BYTES > S3_COPY_MAX) {
    problems.push(
      `MAX_UPLOAD_BYTES=${raw.MAX_UPLOAD_BYTES} is above 5 GiB, the most a bucket copies in one call: lower it (the default is 2 GiB).`,
    );
  }
  return problems;
}

/** The effective configuration for the start-up log, with secrets masked (a password inside a URL too). */
export function describeConfig(config: Config): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [
      k,
      SECRET.test(k) && v ? '********' : typeof v === 'string' ? maskUrl(v) : v,
    ]),
  );
}

function maskUrl(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@/\s]+@/i, '$1********@');
}
