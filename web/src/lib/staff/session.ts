import type { StaffUser } from '@artifact-stories/contracts/schemas';
import { ApiError } from '../api/client.ts';
import { me } from '../api/staff.ts';
import { navigate } from '../router/router.svelte.ts';

/** The signed-in staff member, or a trip to the login page that comes back here afterwards. */
export async function requireStaff(): Promise<StaffUser> {
  try {
    return await me();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      const next = window.location.pathname + window.location.search;
      navigate(`/staff/login?next=${encodeURIComponent(next)}`, { replace: true });
    }
    throw err;
  }
}
