import type { FastifyInstance } from 'fastify';
import type { StaffServices } from '../../../container.ts';
import artifacts from './artifacts/index.ts';
import jobs from './jobs/index.ts';
import session from './session.ts';
import uploads from './uploads/index.ts';
import users from './users.ts';

/**
 * Everything staff do, under /api/staff. Every route but POST /login uses app.requireStaff or
 * app.requireAdmin (test/auth-routes.test.ts checks the whole route table); writes also pass the Origin check.
 */
export default async function staff(app: FastifyInstance, opts: { services: () => StaffServices }) {
  const services = opts.services();
  app.addHook('onClose', () => services.takedown.idle());
  await app.register(session);
  await app.register(users);
  await app.register(artifacts, { prefix: '/artifacts', services });
  await app.register(jobs, { prefix: '/jobs', services });
  await app.register(uploads, { prefix: '/uploads', services });
}
