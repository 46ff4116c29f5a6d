import { createHash } from 'node:crypto';

/** The staff session cookie: written by the login route, read by the session plugin, named in the API docs. */
export const SESSION_COOKIE = 'sid';

/** Only this hash of a session token is stored, so the database alone cannot be used to sign in. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
