import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';

const root = join(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'staff-cli-'));

/**
 * The CLI with stdin piped in: through `npm run staff -- …` exactly as an operator types it, or (to keep the
 * test quick on a busy machine) the same script run by tsx directly.
 */
function staff(
  args: string[],
  stdin = '',
  via: 'npm' | 'tsx' = 'tsx',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [command, prefix] =
    via === 'npm'
      ? ['npm', ['run', '--silent', 'staff', '--']]
      : [process.execPath, ['--import', 'tsx', join(root, 'api/src/scripts/staff.ts')]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...prefix, ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

let app: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  app = await buildApp(loadConfig({}, { DATA_DIR: dataDir, SEED: 'none', WORKER: 'off' }));
});
afterAll(async () => app.close());

describe('npm run staff', () => {
  it('add reads the password from stdin; the account then signs in over the API', async () => {
    const password = 'Cồng chiêng Tây Nguyên 2026';
    const add = await staff(
      ['add', 'curator@museum.vn', '--role', 'admin', '--name', 'Nguyễn Văn A'],
      `${password}\n`,
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('Added admin curator@museum.vn (Nguyễn Văn A)');

    const login = await app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: { email: 'curator@museum.vn', password },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ role: 'admin', name: 'Nguyễn Văn A' });

    const list = await staff(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/admin\s+curator@museum\.vn\s+Nguyễn Văn A/);
  });

  it('refuses with a clear message and a non-zero exit code', async () => {
    // Independent refusals, run side by side: each is a cold start of the script.
    const [short, noRole, dup, empty, unknown, lastAdmin] = await Promise.all([
      staff(['add', 'e@museum.vn', '--role', 'editor'], 'short\n'),
      staff(['add', 'e@museum.vn'], 'long enough password\n'),
      staff(['add', 'CURATOR@museum.vn', '--role', 'editor'], 'long enough password\n'),
      staff(['add', 'e@museum.vn', '--role', 'editor'], ''),
      staff(['frobnicate']),
      staff(['remove', 'curator@museum.vn']),
    ]);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);

    expect(noRole.code).toBe(2);
    expect(noRole.stderr).toMatch(/--role admin or --role editor/);

    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/already a staff account/);

    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/No password on stdin/);

    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);

    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toMatch(/only admin/);
  });

  it('passwd replaces the password and remove deletes the account', async () => {
    expect((await staff(['add', 'ed@museum.vn', '--role', 'editor'], 'first password 123\n')).code).toBe(0);
    const passwd = await staff(['passwd', 'ed@museum.vn'], 'second password 456\n');
    expect(passwd.code).toBe(0);
    const tryLogin = (password: string) =>
      app.inject({ method: 'POST', url: '/api/staff/login', payload: { email: 'ed@museum.vn', password } });
    expect((await tryLogin('first password 123')).statusCode).toBe(401);
    expect((await tryLogin('second password 456')).statusCode).toBe(200);

    expect((await staff(['remove', 'ed@museum.vn'])).code).toBe(0);
    expect((await tryLogin('second password 456')).statusCode).toBe(401);
    const again = await staff(['remove', 'ed@museum.vn']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/No staff account for ed@museum.vn/);
  });
});
