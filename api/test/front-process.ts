import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { root } from './server-process.ts';
import { waitFor } from './wait.ts';

/** The front server's configuration as compose mounts it (written by `npm run front-config`). */
export const CADDYFILE = join(root, 'front/Caddyfile');

/** A loopback port free right now (the front server binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface FrontServer {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Debian's Caddy on front/Caddyfile as the current user, on `port`, in front of `upstream` (host:port), with
 * its own state folder under `workDir` (no admin endpoint, no certificates: the site is plain http on loopback).
 */
export async function startCaddy(o: {
  port: number;
  upstream: string;
  publishedDir: string;
  webDist: string;
  workDir: string;
  /** Serve https (HTTP/2 and HTTP/3) with a certificate from Caddy's own CA, as for a host name in production. */
  tls?: boolean;
}): Promise<FrontServer> {
  const home = join(o.workDir, 'caddy-home');
  mkdirSync(home, { recursive: true });
  const url = `${o.tls ? 'https' : 'http'}://127.0.0.1:${o.port}`;
  const child = spawn('caddy', ['run', '--config', CADDYFILE, '--adapter', 'caddyfile'], {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      XDG_DATA_HOME: home,
      XDG_CONFIG_HOME: home,
      SITE_ADDRESS: url,
      APP_UPSTREAM: o.upstream,
      PUBLISHED_DIR: o.publishedDir,
      WEB_DIST: o.webDist,
      CADDY_ADMIN: 'off',
      // With TLS, where Caddy redirects http from is a free port, never the machine's port 80; without, no
      // https port is opened at all.
      ...(o.tls
        ? { HTTPS_PORT: String(o.port), HTTP_PORT: String(await freePort()) }
        : { HTTP_PORT: String(o.port) }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(
    'Caddy to listen',
    async () => {
      if (exited) throw new Error(`caddy exited before listening:\n${log}`);
      return (o.tls ? tcpOpen(o.port) : fetch(`${url}/healthz`)).then(
        () => true,
        () => false,
      );
    },
    20_000,
    100,
  );
  return {
    url,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function tcpOpen(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.end();
      resolve();
    });
    socket.once('error', reject);
  });
}
