import type { Role, StaffUser } from '@artifact-stories/contracts/schemas';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.ts';

export interface StaffRecord extends StaffUser {
  passwordHash: string;
  createdAt: number;
}

interface StaffRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: number;
}

const toRecord = (r: StaffRow): StaffRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
});

/** Staff accounts and their server-side sessions. Session ids are SHA-256 hashes of the cookie tokens. */
export class StaffRepository {
  private sessionLookup?: Statement;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  create(s: { email: string; name: string; role: Role; passwordHash: string }): StaffRecord {
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO staff (email, name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(s.email, s.name, s.role, s.passwordHash, this.now());
    return this.byId(Number(lastInsertRowid)) as StaffRecord;
  }

  byId(id: number): StaffRecord | undefined {
    const row = this.db.prepare('SELECT * FROM staff WHERE id = ?').get(id) as StaffRow | undefined;
    return row && toRecord(row);
  }

  /** Emails compare case-insensitively (the column is COLLATE NOCASE). */
  byEmail(email: string): StaffRecord | undefined {
    const row = this.db.prepare('SELECT * FROM staff WHERE email = ?').get(email) as StaffRow | undefined;
    return row && toRecord(row);
  }

  list(): StaffRecord[] {
    return (this.db.prepare('SELECT * FROM staff ORDER BY email').all() as StaffRow[]).map(toRecord);
  }

  countAdmins(): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM staff WHERE role = 'admin'`).get() as { n: number }).n;
  }

  /** A new password also ends every session of that account. */
  setPassword(id: number, passwordHash: string): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE staff SET password_hash = ? WHERE id = ?').run(passwordHash, id);
      this.db.prepare('DELETE FROM sessions WHERE staff_id = ?').run(id);
    })();
  }

  /** Sessions go with the account (ON DELETE CASCADE). */
  remove(id: number): boolean {
    return this.db.prepare('DELETE FROM staff WHERE id = ?').run(id).changes > 0;
  }

  createSession(id: string, staffId: number, expiresAt: number): void {
    this.db
      .prepare('INSERT INTO sessions (id, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(id, staffId, this.now(), expiresAt);
  }

  deleteSession(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
  }

  /** The account behind a live session; asked on every staff request, so its statement is prepared once. */
  sessionUser(id: string): StaffUser | undefined {
    this.sessionLookup ??= this.db.prepare(
      `SELECT s.id, s.email, s.name, s.role FROM sessions x JOIN staff s ON s.id = x.staff_id
       WHERE x.id = ? AND x.expires_at > ?`,
    );
    return this.sessionLookup.get(id, this.now()) as StaffUser | undefined;
  }

  purgeExpiredSessions(): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(this.now()).changes;
  }
}
