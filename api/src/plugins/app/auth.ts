import type { StaffUser } from '@artifact-stories/contracts/schemas';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Container } from '../../container.ts';
import { LocalizedError } from '../../errors/localized.ts';
import type { LoginBackoff } from '../../services/login-backoff.ts';
import type { StaffService } from '../../services/staff.service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook: 401 unless the request has a valid staff session; sets request.staff. */
    requireStaff(request: FastifyRequest): Promise<void>;
    /** onRequest hook: like requireStaff, and 403 unless the staff member is an admin. */
    requireAdmin(request: FastifyRequest): Promise<void>;
    /** onRequest hook for writes: 403 when a browser says the request came from another site. */
    requireSameOrigin(request: FastifyRequest): Promise<void>;
    staffAccounts: StaffService;
    /** Per-account wait after wrong passwords (the login route consults it). */
    loginBackoff: LoginBackoff;
  }
  interface FastifyRequest {
    /** Set by requireStaff / requireAdmin; null on routes that use neither. */
    staff: StaffUser | null;
  }
}

function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return 'invalid';
  }
}

/** The origins a browser may write from: the public site and the host the request itself was sent to. */
function allowedOrigins(app: FastifyInstance, request: FastifyRequest): string[] {
  const own = originOf(`${request.protocol}://${request.host}`);
  const pub = originOf(app.config.PUBLIC_URL);
  return [own, pub].filter((o): o is string => !!o && o !== 'invalid');
}

/**
 * Staff authentication: the session checks and the cross-site write guard, as hooks the staff route folder
 * puts on itself (routes/api/staff/index.ts). Cookies are SameSite=Strict already; the Origin check is the
 * second lock, for browsers that ignore SameSite.
 */
export default fp(
  async (app, { container }: { container: Container }) => {
    app.decorate('staffAccounts', container.staffAccounts);
    app.decorate('loginBackoff', container.loginBackoff);
    app.decorateRequest('staff', null);

    app.decorate('requireStaff', async (request: FastifyRequest) => {
      const staff = app.staffFromRequest(request);
      if (!staff) {
        throw new LocalizedError(401, {
          en: 'Sign in first: this needs a staff session.',
          vi: 'Vui lòng đăng nhập trước: thao tác này cần phiên đăng nhập của nhân viên.',
        });
      }
      request.staff = staff;
    });

    app.decorate('requireAdmin', async (request: FastifyRequest) => {
      // Inside the staff folder the session was checked already; elsewhere this checks it.
      if (!request.staff) await app.requireStaff(request);
      if (request.staff?.role !== 'admin') {
        throw new LocalizedError(403, {
          en: 'Only an admin may do this; ask an admin of the museum.',
          vi: 'Chỉ quản trị viên mới được thực hiện thao tác này; vui lòng nhờ một quản trị viên của bảo tàng.',
        });
      }
    });

    app.decorate('requireSameOrigin', async (request: FastifyRequest) => {
      // Non-browser clients (the CLI, curl, tus-js-client in Node) send neither header; browsers always
      // send Origin on cross-site writes, so a missing header cannot hide a forged form post.
      const header = request.headers.origin ?? request.headers.referer;
      const origin = originOf(header);
      if (origin === undefined) return;
      if (!allowedOrigins(app, request).includes(origin)) {
        const from = origin === 'invalid' ? JSON.stringify(header) : origin;
        throw new LocalizedError(403, {
          en: `Refused: this request came from ${from}, not from this site. Staff pages must be used on the site itself.`,
          vi:
            `Yêu cầu bị từ chối: yêu cầu này đến từ ${from}, không phải từ trang này. ` +
            'Hãy dùng các trang dành cho nhân viên ngay trên trang web của bảo tàng.',
        });
      }
    });
  },
  { name: 'auth', dependencies: ['session'] },
);
