/** How the per-account wait grows; the defaults keep a real user's worst wait at one minute. */
export interface BackoffOptions {
  /** Wrong passwords allowed before any wait (typos). */
  freeFailures: number;
  /** The first wait; each further failure doubles it. */
  baseMs: number;
  /** The longest wait: an attacker can delay the real user by this much, never lock them out. */
  maxMs: number;
  /** A failure is forgotten this long after the last one. */
  forgetMs: number;
  /** Accounts remembered at most (emails are attacker-chosen): the oldest are dropped first. */
  maxEntries: number;
  now?: () => number;
}

const DEFAULT_BACKOFF: BackoffOptions = {
  freeFailures: 3,
  baseMs: 1000,
  maxMs: 60_000,
  forgetMs: 15 * 60_000,
  maxEntries: 10_000,
};

interface Entry {
  failures: number;
  until: number;
  last: number;
}

/**
 * Per-account login back-off, beside the per-address rate limit: an attacker spreading guesses over many
 * addresses still gets one guess per wait on each account. While an account waits, no password is checked
 * for it (so guessing during the wait learns nothing); a correct password after the wait signs in and
 * clears the count. Any email is tracked the same way, so the wait does not reveal which accounts exist.
 * In memory: a restart forgets, which only ever shortens a wait.
 */
export class LoginBackoff {
  private readonly entries = new Map<string, Entry>();
  private readonly options: BackoffOptions;

  constructor(options: Partial<BackoffOptions> = {}) {
    this.options = { ...DEFAULT_BACKOFF, ...options };
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private key(email: string): string {
    return email.trim().toLowerCase();
  }

  private current(email: string): Entry | undefined {
    const key = this.key(email);
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.last > this.options.forgetMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Milliseconds this account must still wait before its password is checked again; 0 = now. */
  waitMs(email: string): number {
    const entry = this.current(email);
    return entry ? Math.max(0, entry.until - this.now()) : 0;
  }

  /**
   * Before checking a password: the wait still due (nothing is recorded then), or 0 and the attempt is counted
   * as a failure until `succeeded` clears it. Counting first means guesses sent all at once cannot slip past
   * the wait while the first password hashes are still being checked.
   */
  begin(email: string): number {
    const wait = this.waitMs(email);
    if (wait === 0) this.failed(email);
    return wait;
  }

  failed(email: string): void {
    const now = this.now();
    const key = this.key(email);
    const failures = (this.current(email)?.failures ?? 0) + 1;
    const over = failures - this.options.freeFailures;
    const wait = over > 0 ? Math.min(this.options.baseMs * 2 ** (over - 1), this.options.maxMs) : 0;
    // Re-inserted so the Map's order stays oldest-first for the trim below.
    this.entries.delete(key);
    this.entries.set(key, { failures, until: now + wait, last: now });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  succeeded(email: string): void {
    this.entries.delete(this.key(email));
  }
}
