// wrk, a load generator in C in its own process: on a small machine a Node client in the server's own
// process (autocannon) measures itself as much as the server. scripts/system-deps.sh --bench installs it.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WrkResult {
  requests: number;
  requestsPerSec: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  /** Connect, read, write and timeout errors, and answers that were not 2xx or 3xx. */
  errors: number;
}

export interface WrkOptions {
  connections: number;
  durationSec: number;
  threads?: number;
  /** Paths (with query) requested in turn, instead of the URL's own. */
  paths?: string[];
  /**
   * Connect every connection at once, then wait this long before the first request on each: runs started
   * together then find all their connections accepted before either loads the server. A saturated Node
   * process hardly accepts new connections (a plain http server does the same), and a film that is playing
   * already holds its keep-alive connection.
   */
  holdMs?: number;
  /** Where to write the Lua script (paths, hold). */
  workDir?: string;
}

export function assertWrk(): void {
  if (spawnSync('wrk', ['--version']).error) {
    throw new Error(
      'wrk is not installed: run `scripts/system-deps.sh --bench` (Debian/Ubuntu) or install wrk.',
    );
  }
}

const UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function ms(text: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!m) throw new Error(`wrk: unreadable latency "${text}"`);
  return Number(m[1]) * (UNITS[m[2] as string] as number);
}

/** Reads wrk's --latency report. */
function parseWrk(out: string): WrkResult {
  const pct = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+(\\S+)`, 'm').exec(out);
    if (!m) throw new Error(`wrk: no ${p}% latency in:\n${out}`);
    return ms(m[1] as string);
  };
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? Number.NaN);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  return { requests, requestsPerSec: rps, p50: pct('50'), p99: pct('99'), errors: socketErrors + non2xx };
}

function luaScript(o: WrkOptions, threads: number): string {
  const file = join(
    o.workDir ?? '/tmp',
    `wrk-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.lua`,
  );
  const lines: string[] = [];
  if (o.paths?.length) {
    const list = o.paths.map((p) => `"${p.replace(/["\\]/g, '\\$&')}"`).join(',\n  ');
    lines.push(
      `local paths = {\n  ${list}\n}`,
      'local i = math.random(#paths)',
      'request = function()\n  i = i % #paths + 1\n  return wrk.format("GET", paths[i])\nend',
    );
  }
  if (o.holdMs) {
    // delay() runs before every request of this thread: the first one of each of its connections waits.
    const perThread = Math.ceil(o.connections / threads);
    lines.push(
      'local held = 0',
      `delay = function()\n  if held < ${perThread} then\n    held = held + 1\n    return ${o.holdMs}\n  end\n  return 0\nend`,
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** One wrk run; resolves with its report once it has run for durationSec. */
export function wrk(url: string, o: WrkOptions): Promise<WrkResult> {
  const threads = o.threads ?? 2;
  const args = [`-t${threads}`, `-c${o.connections}`, `-d${o.durationSec}s`, '--timeout', '10s', '--latency'];
  if (o.paths?.length || o.holdMs) args.push('-s', luaScript(o, threads));
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`wrk exited with ${code}: ${err || out}`));
      else {
        try {
          resolve(parseWrk(out));
        } catch (e) {
          reject(e);
        }
      }
    });
  });
}
