// What a run of child processes costs: wall time and CPU seconds (the bench machine is shared).
import { readFileSync } from 'node:fs';

/**
 * CPU seconds used by finished child processes (Linux /proc; cutime + cstime, 100 ticks a second). The
 * machine is shared, so wall time is noisy; CPU time says what the work itself costs.
 */
export function childCpuSec(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

export interface Cost {
  wallMs: number;
  cpuSec: number;
}

export async function timed(run: () => Promise<unknown>): Promise<Cost> {
  const start = performance.now();
  const cpu = childCpuSec();
  await run();
  return { wallMs: performance.now() - start, cpuSec: childCpuSec() - cpu };
}
