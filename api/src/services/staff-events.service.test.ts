import type { JobView } from '@artifact-stories/contracts/schemas';
import { describe, expect, it } from 'vitest';
import { JobChangeFeed } from './staff-events.service.ts';

function job(id: number, updatedAt: number, progress = 0): JobView {
  return {
    id,
    type: 'transcode',
    state: progress === 100 ? 'succeeded' : 'running',
    progress,
    attempts: 1,
    maxAttempts: 3,
    error: null,
    videoId: null,
    artifact: null,
    createdAt: new Date(0).toISOString(),
    updatedAt: new Date(updatedAt).toISOString(),
  };
}

/** A jobs "table" the feed polls with the same contract as StaffViewsRepository.jobsChangedSince. */
function table() {
  const rows = new Map<number, JobView>();
  const since: number[] = [];
  return {
    set: (j: JobView) => rows.set(j.id, j),
    changedSince: (t: number) => {
      since.push(t);
      return [...rows.values()]
        .filter((j) => Date.parse(j.updatedAt) >= t)
        .sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt));
    },
    since,
  };
}

describe('JobChangeFeed', () => {
  it('sends each change once, including changes stamped in the same millisecond', () => {
    const t = table();
    let now = 10_000;
    const feed = new JobChangeFeed(t.changedSince, { lookBackMs: 1000, now: () => now });
    expect(feed.poll()).toEqual([]);
    t.set(job(1, 10_100, 10));
    t.set(job(2, 10_100, 20));
    expect(feed.poll().map((j) => j.id)).toEqual([1, 2]);
    expect(feed.poll()).toEqual([]);
    t.set(job(1, 10_100, 15)); // same ms, new progress
    expect(feed.poll().map((j) => [j.id, j.progress])).toEqual([[1, 15]]);
    now = 20_000;
    t.set(job(2, 20_000, 100));
    expect(feed.poll().map((j) => [j.id, j.state])).toEqual([[2, 'succeeded']]);
  });

  it('catches a write that commits late with an older timestamp (another process), within the look-back', () => {
    const t = table();
    const feed = new JobChangeFeed(t.changedSince, { lookBackMs: 1000, now: () => 10_000 });
    t.set(job(1, 10_500, 50));
    expect(feed.poll().map((j) => j.id)).toEqual([1]);
    t.set(job(2, 10_200, 5)); // stamped before job 1's change, visible only now
    expect(feed.poll().map((j) => j.id)).toEqual([2]);
    expect(t.since.at(-1)).toBe(10_500 - 1000);
  });
});
