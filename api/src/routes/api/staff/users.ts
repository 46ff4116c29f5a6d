import { ErrorResponse, NewStaffBody, StaffUser } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const security = [{ session: [] }];

/** Staff accounts, for admins. The first admin comes from `npm run staff -- add`. */
const users: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['Staff'],
        summary: 'Every staff account (admins only)',
        security,
        response: { 200: Type.Array(StaffUser), 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async () => app.staffAccounts.list(),
  );

  app.post(
    '/users',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['Staff'],
        summary: 'Add a staff account (admins only)',
        security,
        body: NewStaffBody,
        response: {
          201: StaffUser,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          409: ErrorResponse,
        },
      },
    },
    async (request, reply) => reply.code(201).send(await app.staffAccounts.add(request.body)),
  );
};

export default users;
