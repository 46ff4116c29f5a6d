import { describe, expect, it } from 'vitest';
import { type Failure, MAX_ATTEMPTS, type RetryClock, retryAfterMs, UploadRetries } from './retry.ts';

/** A clock whose timers run only when the test says so, and whose jitter is fixed at its largest. */
function fakeClock(now = Date.parse('2026-12-01T10:00:00Z')) {
  const timers: { run: () => void; ms: number }[] = [];
  const clock: RetryClock = {
    now: () => now,
    random: () => 1,
    setTimeout: (run, ms) => {
      timers.push({ run, ms });
      return timers.length - 1;
    },
    clearTimeout: (handle) => {
      const t = timers[handle as number];
      if (t) t.run = () => {};
    },
  };
  return { clock, timers };
}

const patch = (status: number, retryAfter: string | null = null): Failure => ({
  status,
  method: 'PATCH',
  retryAfter,
});

describe('item 9: the upload client retries a busy server with back-off, honouring Retry-After', () => {
  it('waits as long as a 429 asks (seconds or a date), then resumes the same upload', () => {
    const { clock, timers } = fakeClock();
    const retries = new UploadRetries(clock);
    let resumed = 0;
    expect(retries.failed(patch(429, '7'), () => resumed++)).toBe(7000);
    expect(timers.map((t) => t.ms)).toEqual([7000]);
    timers[0]?.run();
    expect(resumed).toBe(1);
    expect(retryAfterMs('Tue, 01 Dec 2026 10:00:30 GMT', clock.now())).toBe(30_000);
    // Never sooner than the back-off either (1 s at first with the largest jitter).
    expect(retries.failed(patch(429, '0'), () => resumed++)).toBe(2000);
  });

  it('backs off exponentially on 5xx and network errors, starts again after progress, gives up in the end', () => {
    const { clock } = fakeClock();
    const retries = new UploadRetries(clock);
    const delays = [503, 0, 502].map((s) => retries.failed(patch(s), () => {}));
    expect(delays).toEqual([1000, 2000, 4000]);
    retries.progressed();
    expect(retries.failed(patch(500), () => {})).toBe(1000);
    for (let i = 1; i < MAX_ATTEMPTS; i++) expect(retries.failed(patch(503), () => {})).not.toBeNull();
    expect(retries.failed(patch(503), () => {})).toBeNull();
  });

  it('does not retry what waiting cannot fix: a refused file, a full disk, too many uploads at once', () => {
    const { clock, timers } = fakeClock();
    const retries = new UploadRetries(clock);
    for (const status of [400, 403, 413, 415, 422, 507])
      expect(retries.failed(patch(status), () => {})).toBeNull();
    expect(retries.failed({ status: 409, method: 'POST', retryAfter: null }, () => {})).toBeNull();
    // 409 while sending is tus's offset disagreement: asking again fixes it.
    expect(retries.failed(patch(409), () => {})).toBe(1000);
    // A Retry-After of hours means "not soon": the error is shown instead.
    expect(retries.failed(patch(429, String(3 * 3600)), () => {})).toBeNull();
    expect(timers).toHaveLength(1);
  });

  it('a paused upload does not come back by itself', () => {
    const { clock, timers } = fakeClock();
    const retries = new UploadRetries(clock);
    let resumed = 0;
    retries.failed(patch(429, '5'), () => resumed++);
    retries.cancel();
    for (const t of timers) t.run();
    expect(resumed).toBe(0);
  });
});
