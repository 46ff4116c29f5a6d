import type { JobView } from '@artifact-stories/contracts/schemas';
import { listJobs, watchJobs } from '../api/staff.ts';

/**
 * Jobs as the server reports them: the list once, then every change over SSE. Components read `jobs.list`;
 * `start()` returns the stop function for their cleanup.
 */
export class LiveJobs {
  byId = $state<Record<number, JobView>>({});
  live = $state(false);
  error = $state<unknown>(null);

  list = $derived(Object.values(this.byId).sort((a, b) => b.id - a.id));

  start(onChange?: (job: JobView) => void): () => void {
    listJobs().then(
      (page) => {
        for (const job of page.items) if (!this.byId[job.id]) this.byId[job.id] = job;
      },
      (err) => (this.error = err),
    );
    return watchJobs(
      (job) => {
        const known = this.byId[job.id];
        // Events can overtake the first list; keep whichever is newer.
        if (!known || known.updatedAt <= job.updatedAt) this.byId[job.id] = job;
        onChange?.(job);
      },
      (live) => (this.live = live),
    );
  }

  forArtifact(id: number): JobView | undefined {
    return this.list.find((j) => j.artifact?.id === id);
  }
}
