import { type Static, Type } from 'typebox';
import { Id, Page, pageQuery } from './common.ts';

export const JobState = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('succeeded'),
  Type.Literal('failed'),
  Type.Literal('cancelled'),
]);
export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

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
  ...pageQuery({ default: 50, maximum: 100 }),
});
export type JobListQuery = Static<typeof JobListQuery>;

export const JobPage = Page(JobView);
export type JobPage = Static<typeof JobPage>;

export const JobParams = Type.Object({ id: Id });
