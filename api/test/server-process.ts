import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '../..');

/**
 * The real server as the Docker image runs it (`node --import tsx api/src/server.ts`) on `dataDir`, on a free
 * loopback port, with an empty catalogue and the worker inline unless `env` says otherwise.
 */
export function spawnServer(dataDir: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(root, 'api/src/server.ts')], {
    cwd: root,
    env: emptyServerEnv(dataDir, { WORKER: 'inline', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
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
