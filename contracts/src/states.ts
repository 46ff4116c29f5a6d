// The states a job and a video go through, written once: the queue's CHECK constraint, the api's schemas and
// the web's labels all derive from these lists. Plain arrays (no TypeBox) so the web may import them.

/** A queue job: queued → running → succeeded, or failed/cancelled (both may be retried). */
export const JOB_STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** An uploaded video: uploaded → queued → processing → ready, or failed. Only a ready video is ever public. */
export const VIDEO_STATUSES = ['uploaded', 'queued', 'processing', 'ready', 'failed'] as const;
export type VideoStatus = (typeof VIDEO_STATUSES)[number];

/** An artifact's page: a draft is seen by staff only. */
export const ARTIFACT_STATUSES = ['draft', 'published'] as const;
export type ArtifactStatus = (typeof ARTIFACT_STATUSES)[number];
