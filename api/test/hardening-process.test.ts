import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { emptyServerEnv, root } from './server-process.ts';
import { waitFor } from './wait.ts';

// Issue 12, item 11: a process manager (or a script) that stops `npm start` with SIGTERM must stop the server,
// not leave it running and holding its port.

const dataDir = mkdtempSync(join(tmpdir(), 'hardening-process-'));
const groups: ChildProcess[] = [];
afterAll(() => {
  // Whole process groups, even after npm itself exited: a leaked server would hold its port.
  for (const child of groups) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // nothing left in the group
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every live process below pid, from /proc (a zombie counts as gone: it holds no port and runs nothing). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      const list = children.get(Number(ppid)) ?? [];
      list.push(Number(entry));
      children.set(Number(ppid), list);
    } catch {
      // gone while we read
    }
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Runs `npm <args>` in its own process group (so a failing test can still end all of it) until ready. */
async function npmUntil<T>(
  args: string[],
  ready: (out: string) => T | undefined,
): Promise<[ChildProcess, T]> {
  const child = spawn('npm', args, {
    cwd: root,
    detached: true,
    // `npm start` builds the web first: into a folder of its own, not the web/dist browser tests are serving.
    env: emptyServerEnv(dataDir, { WEB_OUT_DIR: join(dataDir, 'web-dist') }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  groups.push(child);
  let out = '';
  child.stdout?.on('data', (chunk) => (out += chunk));
  child.stderr?.on('data', (chunk) => (out += chunk));
  const value = await waitFor(
    `npm ${args.join(' ')} to be ready`,
    () => {
      if (child.exitCode !== null) throw new Error(`npm ${args.join(' ')} exited early:\n${out}`);
      return ready(out);
    },
    170_000,
  );
  return [child, value];
}

/** SIGTERM to npm itself, as a process manager sends it: npm ends, and so does everything below it. */
async function stopWithSigterm(child: ChildProcess): Promise<void> {
  const tree = descendants(child.pid as number);
  expect(tree.length).toBeGreaterThan(0);
  process.kill(child.pid as number, 'SIGTERM');
  await waitFor('npm to exit', () => child.exitCode !== null || child.signalCode !== null, 30_000);
  await waitFor('every process npm started to end', () => tree.every((pid) => !alive(pid)), 30_000);
  expect(child.exitCode).toBe(0);
}

it('item 11: SIGTERM to `npm start` stops the server: its port is released and no process is left', async () => {
  // The web build runs first; the server prints its address once it listens.
  const [child, port] = await npmUntil(['start'], (out) => {
    const match = /running at http:\/\/[^:]+:(\d+)\//.exec(out);
    return match ? Number(match[1]) : undefined;
  });
  expect(await accepts(port)).toBe(true);
  await stopWithSigterm(child);
  expect(await accepts(port)).toBe(false);
});

it('item 11: SIGTERM to `npm run worker` stops the worker, leaving no process', async () => {
  const [child] = await npmUntil(['run', 'worker'], (out) => out.includes('worker started on'));
  await stopWithSigterm(child);
});
