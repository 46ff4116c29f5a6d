import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { StaffUser } from '../../types.ts';

export const SESSION_COOKIE = 'sid';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Resolves the staff member behind a request's session cookie (sessions live server-side, in SQLite). */
export default fp(
  async (app) => {
    const lookup = app.db.prepare(
      `SELECT s.id, s.email, s.name, s.role FROM sessions x JOIN staff s ON s.id = x.staff_id
       WHERE x.id = ? AND x.expires_at > ?`,
    );
    app.decorate('staffFromRequest', (request: FastifyRequest): StaffUser | undefined => {
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return undefined;
      return lookup.get(hashToken(token), Date.now()) as StaffUser | undefined;
    });
  },
  { name: 'session', dependencies: ['catalogue'] },
);
