import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers.ts';
import { addStaff, login, PASSWORD, sessionCookie } from './staff-helpers.ts';

let t: TestApp;
let editorEmail: string;

beforeAll(async () => {
  t = await makeTestApp();
  editorEmail = (await addStaff(t.app, 'editor', 'Editor@Museum.vn')).email;
});
afterAll(async () => t.app.close());
// Several tests try wrong passwords on the one editor account: each starts without the others' back-off.
beforeEach(() => t.app.loginBackoff.succeeded(editorEmail));

// Each test signs in from its own address: the login rate limit counts per address.
let ip = 10;
const nextIp = () => `10.0.0.${ip++}`;

function post(url: string, payload: unknown, headers: Record<string, string> = {}, remoteAddress = nextIp()) {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers, remoteAddress });
}

describe('login, me, logout', () => {
  it('signs in with the right password and sets a strict, http-only session cookie', async () => {
    const res = await post('/api/staff/login', { email: 'editor@museum.vn', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ email: editorEmail, role: 'editor', name: expect.any(String) });
    expect(res.json()).not.toHaveProperty('passwordHash');
    const cookie = res.cookies.find((c) => c.name === 'sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.secure).toBeFalsy(); // plain http and no https PUBLIC_URL
    const hours = ((cookie?.expires?.getTime() ?? 0) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(t.config.SESSION_TTL_HOURS - 0.1);
    expect(hours).toBeLessThanOrEqual(t.config.SESSION_TTL_HOURS);

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/staff/me',
      headers: { cookie: sessionCookie(res) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe(editorEmail);
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await post('/api/staff/login', { email: editorEmail, password: 'not the password!' });
    const unknown = await post('/api/staff/login', { email: 'nobody@museum.vn', password: PASSWORD });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Wrong email or password.',
    });
    expect(wrong.cookies).toEqual([]);
  });

  it('names the field when the body is malformed', async () => {
    const res = await post('/api/staff/login', { email: 'not-an-email', password: PASSWORD });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/email/);
  });

  it('logout ends the session server-side: the old cookie no longer works', async () => {
    const cookie = await login(t.app, editorEmail);
    const out = await post('/api/staff/logout', undefined, { cookie });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'sid')?.value).toBe('');
    const me = await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
  });

  it('an expired session is refused', async () => {
    const user = await addStaff(t.app, 'editor');
    const { token } = t.app.staffAccounts.startSession(user.id);
    t.app.db.prepare('UPDATE sessions SET expires_at = ?').run(Date.now() - 1);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/staff/me',
      headers: { cookie: `sid=${token}` },
    });
    expect(me.statusCode).toBe(401);
  });

  it('limits login attempts to 10 a minute per address (429 in the usual error shape)', async () => {
    const address = '192.0.2.77';
    const statuses: number[] = [];
    // A different (unknown) email each time: this is the per-address limit, not the per-account back-off.
    for (let i = 0; i < 11; i++) {
      const email = `guess${i}@museum.test`;
      statuses.push(
        (await post('/api/staff/login', { email, password: 'wrong guess!!' }, {}, address)).statusCode,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    const limited = await post('/api/staff/login', { email: editorEmail, password: PASSWORD }, {}, address);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/^Too many requests: wait \d+ s, then try again\.$/),
      code: 'rate_limited',
    });
    const limitedVi = await post(
      '/api/staff/login',
      { email: editorEmail, password: PASSWORD },
      { 'accept-language': 'vi' },
      address,
    );
    expect(limitedVi.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: expect.stringMatching(/^Bạn đã gửi quá nhiều yêu cầu\. Vui lòng đợi \d+ giây rồi thử lại\.$/),
      code: 'rate_limited',
    });
    // Another address is not affected.
    expect((await post('/api/staff/login', { email: editorEmail, password: PASSWORD })).statusCode).toBe(200);
  });
});

describe('the language of error messages (Accept-Language)', () => {
  const vi = { 'accept-language': 'vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7' };
  const en = { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' };

  it('a wrong password: Vietnamese when vi is preferred, English otherwise, in exactly the one shape', async () => {
    const wrong = { email: editorEmail, password: 'not the password!' };
    const shape = (message: string) => ({
      statusCode: 401,
      error: 'Unauthorized',
      message,
      code: 'unauthorized',
    });
    expect((await post('/api/staff/login', wrong, vi)).json()).toEqual(
      shape('Email hoặc mật khẩu không đúng.'),
    );
    expect((await post('/api/staff/login', wrong, en)).json()).toEqual(shape('Wrong email or password.'));
    // No header, or a language the site does not have: English.
    expect((await post('/api/staff/login', wrong)).json()).toEqual(shape('Wrong email or password.'));
    expect((await post('/api/staff/login', wrong, { 'accept-language': 'fr-FR' })).json()).toEqual(
      shape('Wrong email or password.'),
    );
  });

  it('request validation names the field in the asked language; no Fastify code leaks', async () => {
    const bad = { email: 'not-an-email', password: PASSWORD };
    expect((await post('/api/staff/login', bad, vi)).json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: '«Email» phải là một địa chỉ email.',
      code: 'validation_failed',
      field: 'email',
    });
    expect((await post('/api/staff/login', bad, en)).json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: '"Email" must be an email address.',
      code: 'validation_failed',
      field: 'email',
    });
    const missing = await post('/api/staff/login', { email: editorEmail }, vi);
    expect(missing.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: '«Mật khẩu» bị thiếu: hãy điền vào.',
      code: 'validation_failed',
      field: 'password',
    });
    // A body that is not JSON at all: Fastify's own refusal, reworded, with our code instead of its FST_ERR one.
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: '{"email": ',
      headers: { 'content-type': 'application/json', ...vi },
      remoteAddress: nextIp(),
    });
    expect(broken.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Nội dung gửi lên không phải JSON hợp lệ. Hãy kiểm tra lại dữ liệu rồi gửi lại.',
      code: 'invalid_json',
    });
  });

  it('401 without a session, 403 from another site and 404 for nothing, in the asked language', async () => {
    const me = (headers: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: '/api/staff/me', headers }).then((r) => r.json());
    expect(await me(vi)).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Vui lòng đăng nhập trước: thao tác này cần phiên đăng nhập của nhân viên.',
      code: 'unauthorized',
    });
    expect(await me(en)).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Sign in first: this needs a staff session.',
      code: 'unauthorized',
    });
    const cookie = await login(t.app, editorEmail);
    const evil = { cookie, host: 'museum.test', origin: 'https://evil.example' };
    const refused = await post('/api/staff/logout', undefined, { ...evil, ...vi });
    expect(refused.json()).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: expect.stringMatching(/^Yêu cầu bị từ chối: yêu cầu này đến từ https:\/\/evil\.example,/),
      code: 'forbidden',
    });
    const nothing = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: vi });
    expect(nothing.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Không có nội dung nào ở GET /api/nothing-here.',
      code: 'not_found',
    });
  });
});

describe('the Origin check on staff writes', () => {
  it('refuses a write from another site, naming it; accepts this site and clients that send neither header', async () => {
    const cookie = await login(t.app, editorEmail);
    const headers = { cookie, host: 'museum.test' };
    const evil = await post('/api/staff/logout', undefined, { ...headers, origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json()).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    expect(evil.json().message).toContain('https://evil.example');
    const evilReferer = await post('/api/staff/logout', undefined, {
      ...headers,
      referer: 'http://evil.example/page',
    });
    expect(evilReferer.statusCode).toBe(403);
    const nullOrigin = await post('/api/staff/logout', undefined, { ...headers, origin: 'null' });
    expect(nullOrigin.statusCode).toBe(403);
    // Reads are not writes.
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/staff/me',
      headers: { ...headers, origin: 'https://evil.example' },
    });
    expect(read.statusCode).toBe(200);
    // The session survived the refused attempts; the real site may sign out.
    const own = await post('/api/staff/logout', undefined, { ...headers, origin: 'http://museum.test' });
    expect(own.statusCode).toBe(204);
  });

  it('accepts the PUBLIC_URL origin and a Referer from this host; login is checked too', async () => {
    const app = await makeTestApp({ config: { PUBLIC_URL: 'https://bao-tang.example/' } });
    try {
      await addStaff(app.app, 'editor', 'e@museum.vn');
      const body = { email: 'e@museum.vn', password: PASSWORD };
      const pub = await app.app.inject({
        method: 'POST',
        url: '/api/staff/login',
        payload: body,
        headers: { origin: 'https://bao-tang.example' },
      });
      expect(pub.statusCode).toBe(200);
      // PUBLIC_URL is https, so the cookie is Secure even though this request came over plain http.
      expect(pub.cookies.find((c) => c.name === 'sid')?.secure).toBe(true);
      const referer = await app.app.inject({
        method: 'POST',
        url: '/api/staff/login',
        payload: body,
        headers: { host: 'localhost:3000', referer: 'http://localhost:3000/staff/login' },
      });
      expect(referer.statusCode).toBe(200);
      const cross = await app.app.inject({
        method: 'POST',
        url: '/api/staff/login',
        payload: body,
        headers: { origin: 'https://bao-tang.example.evil.com' },
      });
      expect(cross.statusCode).toBe(403);
    } finally {
      await app.app.close();
    }
  });

  it('marks the cookie Secure behind a TLS proxy when TRUST_PROXY is on', async () => {
    const app = await makeTestApp({
      config: { TRUST_PROXY: 'loopback', PUBLIC_URL: 'http://museum.example' },
    });
    try {
      await addStaff(app.app, 'editor', 'p@museum.vn');
      const res = await app.app.inject({
        method: 'POST',
        url: '/api/staff/login',
        payload: { email: 'p@museum.vn', password: PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'sid')?.secure).toBe(true);
    } finally {
      await app.app.close();
    }
  });
});
