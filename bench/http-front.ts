// The front server against bare nginx (issue 14): the same 1.5 MB segment of a published film served by the app,
// by the front server (front/Caddyfile, as compose runs it) and by nginx with nothing but `root` on the media
// folder. The aim: the front server at 0.9 of bare nginx or better.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startCaddy } from '../api/test/front-process.ts';
import { attachFakeVideo, makeTestApp } from '../api/test/helpers.ts';
import { waitFor } from '../api/test/wait.ts';
import { type WrkResult, wrk } from './wrk.ts';

const DURATION_SEC = 5;
const CONNECTIONS = 10;
const SEGMENT_BYTES = 1_500_000;
/** Each server is measured this many times, alternating, and its median run shown: the machine is shared. */
const ROUNDS = 3;

/** nginx as bare as it gets: sendfile on the media folder, no access log, as the current user. */
async function startBareNginx(mediaDir: string, workDir: string): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const conf = join(workDir, 'nginx.conf');
  const temp = (name: string) => `${name}_temp_path ${join(workDir, name)};`;
  writeFileSync(
    conf,
    // Run as root, nginx's workers would drop to nobody and not read the temp media folder: keep the user.
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes auto;
pid ${join(workDir, 'nginx.pid')};
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  server { listen 127.0.0.1:${port}; location /media/ { alias ${mediaDir}/; } }
}
`,
  );
  const child: ChildProcess = spawn(
    'nginx',
    ['-e', 'stderr', '-p', workDir, '-c', conf, '-g', 'daemon off;'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    'nginx to listen',
    () =>
      fetch(url).then(
        () => true,
        () => false,
      ),
    10_000,
    100,
  );
  return { url, stop: () => child.kill('SIGTERM') };
}

export async function benchFront(): Promise<void> {
  const t = await makeTestApp({ catalogue: true });
  const work = mkdtempSync(join(tmpdir(), 'bench-front-'));
  const shown = t.app.repos.artifacts.list({ status: 'published', limit: 1, offset: 0 }).items[0];
  if (!shown) throw new Error('the fixture catalogue has no published artifact');
  const videoId = attachFakeVideo(t, shown.slug);
  mkdirSync(join(t.config.mediaDir, videoId, 'v1', '720p'), { recursive: true });
  writeFileSync(join(t.config.mediaDir, videoId, 'v1', '720p', 'seg_00001.m4s'), randomBytes(SEGMENT_BYTES));
  t.app.publishedTree.sync();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const appUrl = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  const front = await startCaddy({
    port: await freePort(),
    upstream: appUrl.replace('http://', ''),
    publishedDir: t.config.publishedDir,
    webDist: join(work, 'web'),
    workDir: work,
  });
  const nginx = await startBareNginx(t.config.mediaDir, work);
  const path = `/media/${videoId}/v1/720p/seg_00001.m4s`;
  const servers: [string, string][] = [
    ['bare nginx (reference)', nginx.url],
    ['front server (Caddy, front/Caddyfile)', front.url],
    ['app (Fastify)', appUrl],
  ];
  const runs = new Map<string, WrkResult[]>(servers.map(([name]) => [name, []]));
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, base] of servers) {
        process.stderr.write(`  round ${round}/${ROUNDS}: ${name} for ${DURATION_SEC} s…\n`);
        const r = await wrk(`${base}${path}`, { connections: CONNECTIONS, durationSec: DURATION_SEC });
        if (r.errors > 0) process.stderr.write(`  ${name}: ${r.errors} errors during the run\n`);
        runs.get(name)?.push(r);
      }
    }
  } finally {
    nginx.stop();
    await front.stop();
    await t.app.close();
    rmSync(work, { recursive: true, force: true });
  }
  const median = (name: string) => {
    const sorted = [...(runs.get(name) ?? [])].sort((a, b) => a.requestsPerSec - b.requestsPerSec);
    return sorted[Math.floor(sorted.length / 2)] as WrkResult;
  };
  const reference = median(servers[0]?.[0] as string).requestsPerSec;
  console.log(
    `\nwrk, ${CONNECTIONS} connections, ${DURATION_SEC} s, median of ${ROUNDS} alternating rounds, loopback; ` +
      `one published ${(SEGMENT_BYTES / 1e6).toFixed(1)} MB segment`,
  );
  console.log('| served by | requests/s | MB/s | p99 ms | ratio to bare nginx | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name] of servers) {
    const r = median(name);
    console.log(
      `| ${name} | ${r.requestsPerSec.toFixed(0)} | ${((r.requestsPerSec * SEGMENT_BYTES) / 1e6).toFixed(0)} | ` +
        `${r.p99.toFixed(1)} | ${(r.requestsPerSec / reference).toFixed(3)} | ${r.errors} |`,
    );
  }
}
