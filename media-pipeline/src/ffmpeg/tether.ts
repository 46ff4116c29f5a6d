// ffmpeg must not outlive the process that started it. After a `kill -9` of the api mid-transcode an untethered
// ffmpeg went on encoding for ~50 s at 150 % CPU into a temp folder nobody would ever publish.
//
// Linux ties a child's life to its parent with prctl(PR_SET_PDEATHSIG): the kernel signals the child the moment
// its parent dies, however it dies (kill -9 and OOM included, where no cleanup code of ours runs). Node cannot
// call prctl, so util-linux's `setpriv --pdeathsig KILL` sets it and then execs ffmpeg in place: same pid, so our
// signals, exit code, stdout and stderr are ffmpeg's own. This beats the alternatives: a stdin pipe needs an
// ffmpeg input that ends on EOF (and ffmpeg runs with -nostdin); a shell watchdog polls and must relay signals;
// a pid recorded in the job lease is only killed when some worker starts again, and may name a reused pid.
// setpriv ships in util-linux, which Debian marks essential (the Docker image has it). Where it is missing
// (macOS, a minimal Alpine) ffmpeg runs untethered; the worker's start-up sweep still removes its temp folder,
// which also makes an orphan fail at its next segment.
// The death signal follows the parent *thread*: Node spawns children from its main thread, which lives as long
// as the process, so this holds (it would not for a spawn from a worker_thread).
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

let setpriv: string | null | undefined;

/** setpriv's path if it is on PATH and accepts --pdeathsig (util-linux 2.33+), else null. Checked once. */
function pdeathsigWrapper(env: NodeJS.ProcessEnv = process.env): string | null {
  if (setpriv !== undefined) return setpriv;
  setpriv = null;
  if (process.platform !== 'linux') return setpriv;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'setpriv');
    try {
      accessSync(candidate, constants.X_OK);
    } catch {
      continue;
    }
    const probe = spawnSync(candidate, ['--pdeathsig', 'KILL', 'true'], { stdio: 'ignore', timeout: 5000 });
    if (probe.status === 0) setpriv = candidate;
    break;
  }
  return setpriv;
}

/** The command and arguments that run `binary args` so that it dies with this process. */
export function tethered(binary: string, args: readonly string[]): { command: string; args: string[] } {
  const wrapper = pdeathsigWrapper();
  return wrapper
    ? { command: wrapper, args: ['--pdeathsig', 'KILL', '--', binary, ...args] }
    : { command: binary, args: [...args] };
}
