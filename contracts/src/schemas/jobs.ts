import { type Static, Type } from 'typebox';
import { JOBS_PAGE } from '../limits.ts';
import { JOB_STATES } from '../states.ts';
import { Id, OneOf, Page, pageQuery } from './common.ts';

export const JobState = OneOf(JOB_STATES);
export type JobState = Static<typeof JobState>;

export const JobView = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  state: JobState,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  videoId: Type.Union([Type.String(), Type.Null()]),
  artifact: Type.Union([
    Type.Object({ id: Type.Integer(), slug: Type.String(), title: Type.String() }),
    Type.Null(),
  ]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type JobView = Static<typeof JobView>;

export const JobListQuery = Type.Object({
  state: Type.Optional(JobState),
  ...pageQuery(JOBS_PAGE),
});
export type JobListQuery = Static<typeof JobListQuery>;

export const JobPage = Page(JobView);
export type JobPage = Static<typeof JobPage>;

export const JobParams = Type.Object({ id: Id });
