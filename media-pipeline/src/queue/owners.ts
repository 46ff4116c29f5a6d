// Who holds a lease, and whether that worker can still be running: a start-up sweep must not delete the temp
// folder of a job another live worker is building, and should delete the one a killed worker left behind.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Workers started in this process (tests run several in one); their ids are never judged dead. */
const liveHere = new Set<string>();

/** host:pid:random — the host and pid let a restarted worker on the same machine tell a dead holder. */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

export function markAlive(workerId: string): void {
  liveHere.add(workerId);
}

export function markGone(workerId: string): void {
  liveHere.delete(workerId);
}

/**
 * False only when the holder is provably gone: its id names this host and a pid that no longer exists, or
 * this process's own pid though none of its workers (an earlier life of the pid, as after a container restart).
 * A holder on another machine, or with an id not of our making, may be alive.
 */
export function mayBeAlive(workerId: string): boolean {
  if (liveHere.has(workerId)) return true;
  const [host, pidText] = workerId.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isSafeInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the pid exists
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}
