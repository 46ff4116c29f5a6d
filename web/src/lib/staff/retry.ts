/** What went wrong with one request of an upload: its HTTP status (0 when the network failed). */
export interface Failure {
  status: number;
  method: string;
  /** The Retry-After header of the answer, if any: seconds or an HTTP date. */
  retryAfter: string | null;
}

/** Tries in a row without progress before the error is shown; progress starts the count again. */
export const MAX_ATTEMPTS = 8;
const FIRST_DELAY_MS = 1000;
const MAX_BACKOFF_MS = 30_000;
/** A server that asks for longer than this is not coming back soon: say so instead of waiting. */
const MAX_WAIT_MS = 5 * 60_000;

/** Retry-After in milliseconds from now, or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Whether a failure may go away by itself: the network (0), a busy server (429, 5xx) or a lock or offset
 * disagreement while sending (409/423; tus asks for the offset again). A refusal of the file (413, 415, 422),
 * a full disk (507) or "you already have uploads in progress" (409 on creation) will not change by waiting.
 */
function isTransient(f: Failure): boolean {
  if (f.status === 0 || f.status === 429 || f.status === 423) return true;
  if (f.status === 409) return f.method !== 'POST';
  return f.status >= 500 && f.status !== 501 && f.status !== 507;
}

/**
 * How long to wait before attempt number `attempt` (0 for the first retry), or null to give up and show the
 * error. Exponential back-off with jitter, so many browsers refused at once do not come back at once; never
 * sooner than the server's Retry-After.
 */
function retryDelay(f: Failure, attempt: number, now: number, random: () => number): number | null {
  if (!isTransient(f) || attempt >= MAX_ATTEMPTS) return null;
  const backoff = Math.min(MAX_BACKOFF_MS, FIRST_DELAY_MS * 2 ** attempt);
  const jittered = Math.round(backoff * (0.5 + random() / 2));
  const asked = retryAfterMs(f.retryAfter, now);
  if (asked !== undefined && asked > MAX_WAIT_MS) return null;
  return Math.max(jittered, asked ?? 0);
}

export interface RetryClock {
  now(): number;
  random(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: RetryClock = {
  now: () => Date.now(),
  random: () => Math.random(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The retries of one upload. `failed` schedules the next try (and says in how many ms) or returns null when
 * the error should be shown; `progressed` is called when bytes got through, which starts the count again.
 */
export class UploadRetries {
  private attempt = 0;
  private timer: unknown;

  constructor(private readonly clock: RetryClock = realClock) {}

  failed(f: Failure, tryAgain: () => void): number | null {
    const delay = retryDelay(f, this.attempt, this.clock.now(), () => this.clock.random());
    if (delay === null) return null;
    this.attempt++;
    this.cancel();
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      tryAgain();
    }, delay);
    return delay;
  }

  progressed(): void {
    this.attempt = 0;
  }

  /** Stops a scheduled retry (the upload was paused or the page left). */
  cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
