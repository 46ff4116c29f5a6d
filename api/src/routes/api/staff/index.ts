import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StaffServices } from '../../../container.ts';
import artifacts from './artifacts/index.ts';
import ethnicGroups from './ethnic-groups.ts';
import exhibitions from './exhibitions.ts';
import jobs from './jobs/index.ts';
import labels from './labels.ts';
import lessons from './lessons.ts';
import login from './login.ts';
import playback from './playback.ts';
import session from './session.ts';
import uploads from './uploads/index.ts';
import users from './users.ts';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Everything staff do, under /api/staff. Guarded by where it lives, not route by route: every write passes
 * the Origin check first of all, and every route but POST /login is declared in the signed-in context below,
 * whose onRequest hook checks the session before the body is read (a caller without a session learns nothing
 * about the route, not even its schema). Admin-only routes add `onRequest: app.requireAdmin`.
 */
export default async function staff(app: FastifyInstance, { services }: { services: StaffServices }) {
  app.addHook('onClose', () => services.takedown.idle());
  // Matched by the router, not against the raw URL: `/api/%73taff/...` reaches the same context and hook.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (WRITES.has(request.method)) await app.requireSameOrigin(request);
  });

  await app.register(login);
  await app.register(async (signedIn) => {
    signedIn.addHook('onRequest', app.requireStaff);
    await signedIn.register(session);
    await signedIn.register(users);
    await signedIn.register(labels);
    await signedIn.register(lessons);
    await signedIn.register(playback, { services });
    await signedIn.register(ethnicGroups, { services });
    await signedIn.register(artifacts, { prefix: '/artifacts', services });
    await signedIn.register(exhibitions, { services });
    await signedIn.register(jobs, { prefix: '/jobs', services });
    await signedIn.register(uploads, { prefix: '/uploads', services });
  });
}
