import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LocalizedError } from '../../errors/localized.ts';
import { StaffRepository } from '../../repositories/staff.repository.ts';
import type { StaffUser } from '../../schemas/staff.ts';
import { LoginBackoff } from '../../services/login-backoff.ts';
import { StaffService } from '../../services/staff.service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler: 401 unless the request has a valid staff session; sets request.staff. */
    requireStaff(request: FastifyRequest): Promise<void>;
    /** preHandler: like requireStaff, and 403 unless the staff member is an admin. */
    requireAdmin(request: FastifyRequest): Promise<void>;
    staffAccounts: StaffService;
    /** Per-account wait after wrong passwords (the login route consults it). */
    loginBackoff: LoginBackoff;
  }
  interface FastifyRequest {
    /** Set by requireStaff / requireAdmin; null on routes that use neither. */
    staff: StaffUser | null;
  }
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

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
 * Staff authentication: session checks as preHandler decorators and a cross-site write guard. Cookies are
 * SameSite=Strict already; the Origin check is the second lock, for browsers that ignore SameSite.
 */
export default fp(
  async (app) => {
    app.decorate(
      'staffAccounts',
      new StaffService(new StaffRepository(app.db), {
        sessionTtlMs: app.config.SESSION_TTL_HOURS * 3600_000,
      }),
    );
    app.decorate('loginBackoff', new LoginBackoff());
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
      await app.requireStaff(request);
      if (request.staff?.role !== 'admin') {
        throw new LocalizedError(403, {
          en: 'Only an admin may do this; ask an admin of the museum.',
          vi: 'Chỉ quản trị viên mới được thực hiện thao tác này; vui lòng nhờ một quản trị viên của bảo tàng.',
        });
      }
    });

    // Session checks run first, before the body is read or validated: a caller without a session learns
    // nothing about the route (not even its schema) and cannot make the server parse or store a body.
    app.addHook('onRoute', (route) => {
      const guards = [app.requireStaff, app.requireAdmin];
      const pre = [route.preHandler ?? []].flat();
      const found = pre.filter((h) => guards.includes(h as never));
      if (!found.length) return;
      route.preHandler = pre.filter((h) => !found.includes(h));
      route.onRequest = [...[route.onRequest ?? []].flat(), ...found] as typeof route.onRequest;
    });

    // The cross-site write guard is attached to every write route under /api/staff as the router knows it,
    // not matched against the raw URL: `/api/%73taff/...` routes to the same handler and gets the same guard.
    const checkOrigin = async (request: FastifyRequest) => {
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
    };
    app.addHook('onRoute', (route) => {
      const methods = [route.method].flat();
      if (!/^\/api\/staff(\/|$)/.test(route.url) || !methods.some((m) => WRITES.has(m))) return;
      const guarded = async (request: FastifyRequest) => {
        if (WRITES.has(request.method)) await checkOrigin(request);
      };
      // First of all hooks: before the session check, so a forged request learns nothing else.
      route.onRequest = [guarded, ...[route.onRequest ?? []].flat()] as typeof route.onRequest;
    });
  },
  { name: 'auth', dependencies: ['session'] },
);
