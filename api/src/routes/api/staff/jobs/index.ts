import {
  ErrorResponse,
  JobListQuery,
  JobPage,
  JobParams,
  JobView,
} from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { StaffServices } from '../../../../container.ts';
import events from './events.ts';

const security = [{ session: [] }];
const errors = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

/** Transcode jobs: list, live progress (events.ts), retry and cancel. */
const jobs: FastifyPluginAsyncTypebox<{ services: StaffServices }> = async (app, { services }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['Staff'],
        summary: 'Jobs, newest first, with the video and artifact each works on',
        security,
        querystring: JobListQuery,
        response: { 200: JobPage, 400: ErrorResponse, ...errors },
      },
    },
    async (request) => services.jobs.list(request.query),
  );

  app.post(
    '/:id/retry',
    {
      schema: {
        tags: ['Staff'],
        summary: 'Run a failed or cancelled job again',
        security,
        params: JobParams,
        response: { 200: JobView, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => services.jobs.retry(request.params.id),
  );

  app.post(
    '/:id/cancel',
    {
      schema: {
        tags: ['Staff'],
        summary: 'Cancel a queued or running job (a running transcode stops within seconds)',
        security,
        params: JobParams,
        response: { 200: JobView, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => services.jobs.cancel(request.params.id),
  );

  await app.register(events, { services });
};

export default jobs;
