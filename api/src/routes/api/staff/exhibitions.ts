import {
  ErrorResponse,
  ExhibitionInput,
  IdParams,
  StaffExhibition,
  StaffExhibitionList,
} from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { StaffServices } from '../../../container.ts';

const security = [{ session: [] }];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const tags = ['Staff exhibitions'];

/**
 * Exhibitions as staff make them, drafts included. A save sends the whole exhibition (texts, cover, items in
 * order): reordering is a save, so two tabs never interleave half-made orders.
 */
const exhibitions: FastifyPluginAsyncTypebox<{ services: StaffServices }> = async (app, { services }) => {
  const svc = services.exhibitions;

  app.get(
    '/exhibitions',
    {
      schema: {
        tags,
        summary: 'Every exhibition, drafts included, most recently changed first',
        security,
        response: { 200: StaffExhibitionList, ...errors },
      },
    },
    async () => svc.list(),
  );

  app.post(
    '/exhibitions',
    {
      schema: {
        tags,
        summary: 'Create a draft exhibition',
        security,
        body: ExhibitionInput,
        response: { 201: StaffExhibition, ...errors, 409: ErrorResponse },
      },
    },
    async (request, reply) => reply.code(201).send(svc.create(request.body)),
  );

  app.get(
    '/exhibitions/:id',
    {
      schema: {
        tags,
        summary: 'One exhibition, each item saying whether visitors can see it',
        security,
        params: IdParams,
        response: { 200: StaffExhibition, ...errors },
      },
    },
    async (request) => svc.get(request.params.id),
  );

  app.put(
    '/exhibitions/:id',
    {
      schema: {
        tags,
        summary: 'Save an exhibition: texts, cover and items in order (excerpts checked against each film)',
        security,
        params: IdParams,
        body: ExhibitionInput,
        response: { 200: StaffExhibition, ...errors, 409: ErrorResponse },
      },
    },
    async (request) => svc.save(request.params.id, request.body),
  );

  for (const action of ['publish', 'unpublish'] as const) {
    app.post(
      `/exhibitions/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'publish'
              ? 'Publish: needs at least one item with a published artifact and a ready film'
              : 'Back to draft: visitors no longer see it',
          security,
          params: IdParams,
          response: { 200: StaffExhibition, ...errors, 409: ErrorResponse },
        },
      },
      async (request) => svc[action](request.params.id),
    );
  }

  app.delete(
    '/exhibitions/:id',
    {
      schema: {
        tags,
        summary: 'Delete an exhibition (its artifacts and films stay)',
        security,
        params: IdParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...errors },
      },
    },
    async (request, reply) => {
      svc.delete(request.params.id);
      return reply.code(204).send(null);
    },
  );
};

export default exhibitions;
