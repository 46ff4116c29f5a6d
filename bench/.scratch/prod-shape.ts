// Production shape without Docker: catalogue begun on one machine (seed, local disk), then restarted with a bucket,
// Redis and a worker on "another machine" (own DATA_DIR). Every seeded film must become ready with its captions.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { startRedis, startS3Server } from '@artifact-stories/media-pipeline/testing';

const root = '/work/main';
const data = '/tmp/ps-app';
const wdata = '/tmp/ps-worker';
rmSync(data, { recursive: true, force: true });
rmSync(wdata, { recursive: true, force: true });
const port = 3997;
const logs: Record<string, string> = {};
function run(name: string, args: string[], env: Record<string, string>): ChildProcess {
  logs[name] = '';
  const c = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env: { ...process.env, ...env } });
  c.stdout?.on('data', (d) => (logs[name] += d));
  c.stderr?.on('data', (d) => (logs[name] += d));
  return c;
}
const wait = async (what: string, ok: () => boolean | Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`timed out: ${what}\n${Object.entries(logs).map(([k, v]) => `== ${k}\n${v.slice(-3000)}`).join('\n')}`);
};
const stop = async (c: ChildProcess) => {
  if (c.exitCode !== null) return;
  const e = new Promise((r) => c.once('exit', r));
  c.kill('SIGTERM');
  await e;
};

const t0 = Date.now();
const base = { DATA_DIR: data, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' };
const a = run('seed', ['api/src/server.ts'], { ...base, SEED: 'fixtures', WORKER: 'off' });
await wait('seeding', () => /Seeding clips done/.test(logs.seed ?? ''), 600_000);
await stop(a);
console.log(`phase A (seed on local disk, no worker): ${((Date.now() - t0) / 1000).toFixed(0)} s`);

const [redis, s3] = await Promise.all([startRedis(), startS3Server()]);
const st = s3.settings;
const storage = {
  S3_BUCKET: st.bucket,
  S3_ENDPOINT: st.endpoint,
  S3_REGION: st.region,
  S3_ACCESS_KEY_ID: st.accessKeyId,
  S3_SECRET_ACCESS_KEY: st.secretAccessKey,
  S3_FORCE_PATH_STYLE: 'true',
  QUEUE_URL: redis.url,
};
const t1 = Date.now();
const app = run('app', ['api/src/server.ts'], { ...base, ...storage, SEED: 'fixtures', WORKER: 'off' });
const worker = run('worker', ['api/src/scripts/worker.ts'], { DATA_DIR: wdata, ...storage, LOG_LEVEL: 'info' });
const api = `http://127.0.0.1:${port}`;
type Card = { slug: string; video: { status?: string; captions?: { lang: string }[] } | null };
let cards: Card[] = [];
await wait(
  'all published films ready',
  async () => {
    try {
      const r = await fetch(`${api}/api/artifacts?limit=100`);
      cards = ((await r.json()) as { items: Card[] }).items;
      const ready = cards.filter((c) => c.video?.status === 'ready' || (c.video && !c.video.status)).length;
      process.stdout.write(`\r${ready}/${cards.length} ready   `);
      return cards.length > 0 && logs.worker.split('job succeeded').length - 1 >= 21;
    } catch {
      return false;
    }
  },
  1_800_000,
);
console.log(`\nphase B (bucket + Redis + remote worker): ${((Date.now() - t1) / 1000).toFixed(0)} s`);
console.log(logs.app.split('\n').filter((l) => /Copied|not on this disk|bucket/.test(l)).join('\n'));
console.log('worker job succeeded:', logs.worker.split('job succeeded').length - 1, 'failed:', logs.worker.split('job failed').length - 1);
for (const c of cards.slice(0, 25)) {
  const r = await fetch(`${api}/api/artifacts/${c.slug}`);
  const body = (await r.json()) as { video?: { captions?: { lang: string; src?: string }[]; hls?: string } };
  console.log(c.slug, 'captions:', (body.video?.captions ?? []).map((x) => x.lang).join(',') || '-');
}
await Promise.all([stop(app), stop(worker)]);
await Promise.all([redis.stop(), s3.stop()]);
