import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../src/db/database.ts';
import { StaffRepository } from '../src/repositories/staff.repository.ts';
import { hashToken } from '../src/services/session-token.ts';
import { StaffService } from '../src/services/staff.service.ts';
import { StaffError } from '../src/services/staff-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'staff-service-'));
let db: Db;
let now = 1_000_000;
let service: StaffService;
const PASSWORD = 'a long enough passphrase';

beforeEach(() => {
  db?.close();
  db = openDatabase(join(dir, `${Math.random()}.sqlite`));
  service = new StaffService(new StaffRepository(db, () => now), { sessionTtlMs: 3600_000, now: () => now });
});
afterAll(() => db.close());

async function refusal(p: Promise<unknown> | (() => unknown)): Promise<StaffError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(StaffError);
    return err as StaffError;
  }
  throw new Error('expected a refusal');
}

describe('StaffService with a real SQLite file', () => {
  it('stores an argon2id hash, never the password, and verifies it', async () => {
    const user = await service.add({ email: 'Curator@Museum.vn', role: 'admin', password: PASSWORD });
    expect(user).toMatchObject({ email: 'Curator@Museum.vn', name: 'Curator', role: 'admin' });
    const row = db.prepare('SELECT password_hash FROM staff').get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
    expect(await service.verify('curator@museum.vn', PASSWORD)).toEqual(user);
    expect(await service.verify('curator@museum.vn', `${PASSWORD}x`)).toBeUndefined();
    expect(await service.verify('nobody@museum.vn', PASSWORD)).toBeUndefined();
  });

  it('refuses short passwords, bad emails, unknown roles and duplicates with clear messages', async () => {
    expect(
      (await refusal(service.add({ email: 'a@b.vn', role: 'editor', password: 'short' }))).message,
    ).toMatch(/at least 12 characters/);
    expect(
      (await refusal(service.add({ email: 'not-an-email', role: 'editor', password: PASSWORD }))).statusCode,
    ).toBe(400);
    const role = 'boss' as 'admin';
    expect((await refusal(service.add({ email: 'a@b.vn', role, password: PASSWORD }))).message).toMatch(
      /admin or editor/,
    );
    await service.add({ email: 'a@b.vn', role: 'editor', password: PASSWORD });
    const dup = await refusal(service.add({ email: 'A@B.VN', role: 'editor', password: PASSWORD }));
    expect(dup.statusCode).toBe(409);
    // Both languages: the API answers with the one the request asks for; the CLI prints the English.
    expect(dup.messages).toEqual({
      en: 'There is already a staff account for A@B.VN.',
      vi: 'Đã có tài khoản nhân viên cho A@B.VN.',
    });
    expect(dup.message).toBe(dup.messages.en);
  });

  it('keeps only the SHA-256 of session tokens, expires them and purges old ones', async () => {
    const user = await service.add({ email: 'e@museum.vn', role: 'editor', password: PASSWORD });
    const { token, expiresAt } = service.startSession(user.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    expect(expiresAt).toBe(now + 3600_000);
    const ids = (db.prepare('SELECT id FROM sessions').all() as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual([hashToken(token)]);
    expect(ids[0]).not.toContain(token);

    now += 3600_001;
    service.startSession(user.id); // starting a session purges expired ones
    expect((db.prepare('SELECT id FROM sessions').all() as { id: string }[]).map((r) => r.id)).not.toContain(
      hashToken(token),
    );
    const second = service.startSession(user.id);
    service.endSession(second.token);
    expect(db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(hashToken(second.token))).toBeUndefined();
  });

  it('a new password ends open sessions; the last admin cannot be removed', async () => {
    const admin = await service.add({ email: 'admin@museum.vn', role: 'admin', password: PASSWORD });
    service.startSession(admin.id);
    await service.setPassword('admin@museum.vn', 'another long passphrase');
    expect((db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n).toBe(0);
    expect(await service.verify('admin@museum.vn', 'another long passphrase')).toBeTruthy();

    const last = await refusal(() => service.remove('admin@museum.vn'));
    expect(last.message).toMatch(/only admin/);
    expect(last.messages.vi).toBe(
      'admin@museum.vn là quản trị viên duy nhất; hãy thêm một quản trị viên khác trước khi xoá tài khoản này.',
    );
    await service.add({ email: 'admin2@museum.vn', role: 'admin', password: PASSWORD });
    expect(service.remove('admin@museum.vn').email).toBe('admin@museum.vn');
    expect(service.list().map((s) => s.email)).toEqual(['admin2@museum.vn']);
    expect((await refusal(() => service.remove('ghost@museum.vn'))).statusCode).toBe(404);
  });
});
