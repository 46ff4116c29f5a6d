import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '../..');

/**
 * The image runs as an unprivileged user (USER node). Tests running as root run the server as nobody; run as
 * anyone else, they already are unprivileged.
 */
const IMAGE_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

/** Spawn options that run a child as the image's user. */
export function asImageUser(): { uid?: number; gid?: number } {
  return IMAGE_USER ?? {};
}

/**
 * DATA_DIR as Docker prepares its volumes: a new named volume takes the owner of the image's folder, so each
 * folder the image creates (Dockerfile: /data, /data/media, /data/uploads, /data/published) belongs to the image's
 * user; a folder in `missingFromImage` comes up root-owned (read-only for anyone else when not run as root).
 */
export function prepareVolumes(dataDir: string, missingFromImage: string[] = []): void {
  for (const folder of ['', 'media', 'uploads', 'published']) {
    const dir = join(dataDir, folder);
    mkdirSync(dir, { recursive: true });
    const rootOwned = missingFromImage.includes(folder);
    if (IMAGE_USER) chownSync(dir, rootOwned ? 0 : IMAGE_USER.uid, rootOwned ? 0 : IMAGE_USER.gid);
    chmodSync(dir, rootOwned && !IMAGE_USER ? 0o555 : 0o755);
  }
}

/**
 * The real server as the Docker image runs it (`node --import tsx api/src/server.ts`) on `dataDir`, on a free
 * loopback port, with an empty catalogue and the worker inline unless `env` says otherwise; with `imageUser`, as
 * the image's unprivileged user (on folders from prepareVolumes).
 */
export function spawnServer(
  dataDir: string,
  env: Record<string, string> = {},
  { imageUser = false } = {},
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(root, 'api/src/server.ts')], {
    cwd: root,
    env: emptyServerEnv(dataDir, { WORKER: 'inline', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(imageUser ? asImageUser() : {}),
  });
}

/** The environment of a server on `dataDir` with an empty catalogue, on a free loopback port, logging warnings. */
export function emptyServerEnv(dataDir: string, env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED: 'none',
    LOG_LEVEL: 'warn',
    ...env,
  };
}

/** Resolves with the server's base URL once it prints the address it listens on; rejects if it exits first. */
export function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => {
      out += d;
      const port = /running at http:\/\/[^:]+:(\d+)\//.exec(out)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    child.stderr?.on('data', (d) => (err += d));
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${err}${out}`)));
  });
}
