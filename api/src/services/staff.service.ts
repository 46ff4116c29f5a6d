import { randomBytes } from 'node:crypto';
import type { Role, StaffUser } from '@artifact-stories/contracts/schemas';
import type { StaffRecord, StaffRepository } from '../repositories/staff.repository.ts';
import { hashToken } from './session-token.ts';
import { StaffError } from './staff-error.ts';

const MIN_PASSWORD_LENGTH = 12;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * argon2 is a native module, loaded at the first password rather than at import: the worker and the scripts
 * that reach this file through the container never pay for it.
 */
const argon2 = () => import('@node-rs/argon2');

export type StaffStore = Pick<
  StaffRepository,
  | 'create'
  | 'byId'
  | 'byEmail'
  | 'list'
  | 'countAdmins'
  | 'setPassword'
  | 'remove'
  | 'createSession'
  | 'deleteSession'
  | 'purgeExpiredSessions'
>;

const toUser = ({ id, email, name, role }: StaffRecord): StaffUser => ({ id, email, name, role });

/**
 * Staff accounts, passwords (argon2id, @node-rs/argon2's default algorithm) and sessions. Sessions are random
 * 32-byte tokens; only their SHA-256 is stored, so the database alone cannot be used to sign in.
 */
export class StaffService {
  private dummyHash?: Promise<string>;

  constructor(
    private readonly store: StaffStore,
    private readonly options: { sessionTtlMs: number; now?: () => number },
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  checkPassword(password: string): void {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new StaffError(
        {
          en: `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters (a few words work well).`,
          vi: `Mật khẩu quá ngắn: hãy dùng ít nhất ${MIN_PASSWORD_LENGTH} ký tự (ghép vài từ là dễ nhớ nhất).`,
        },
        400,
      );
    }
  }

  async add(input: { email: string; name?: string; role: Role; password: string }): Promise<StaffUser> {
    const email = input.email.trim();
    if (!EMAIL.test(email)) {
      throw new StaffError(
        {
          en: `"${input.email}" is not an email address.`,
          vi: `«${input.email}» không phải là địa chỉ email. Hãy kiểm tra lại.`,
        },
        400,
      );
    }
    if (input.role !== 'admin' && input.role !== 'editor') {
      throw new StaffError(
        {
          en: `Unknown role "${input.role}": use admin or editor.`,
          vi: `Không có vai trò «${input.role}»: hãy chọn admin (quản trị viên) hoặc editor (biên tập viên).`,
        },
        400,
      );
    }
    this.checkPassword(input.password);
    if (this.store.byEmail(email)) {
      throw new StaffError(
        {
          en: `There is already a staff account for ${email}.`,
          vi: `Đã có tài khoản nhân viên cho ${email}.`,
        },
        409,
      );
    }
    const name = input.name?.trim() || email.slice(0, email.indexOf('@'));
    const passwordHash = await (await argon2()).hash(input.password);
    return toUser(this.store.create({ email, name, role: input.role, passwordHash }));
  }

  list(): StaffUser[] {
    return this.store.list().map(toUser);
  }

  find(email: string): StaffUser | undefined {
    const record = this.store.byEmail(email.trim());
    return record && toUser(record);
  }

  /**
   * The account for these credentials, or undefined. An unknown email costs the same argon2 work as a wrong
   * password, so response times do not tell which emails have accounts.
   */
  async verify(email: string, password: string): Promise<StaffUser | undefined> {
    const record = this.store.byEmail(email.trim());
    if (!record) {
      this.dummyHash ??= argon2().then((a) => a.hash(randomBytes(16).toString('hex')));
      await (await argon2()).verify(await this.dummyHash, password);
      return undefined;
    }
    return (await (await argon2()).verify(record.passwordHash, password)) ? toUser(record) : undefined;
  }

  startSession(staffId: number): { token: string; expiresAt: number } {
    this.store.purgeExpiredSessions();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = this.now() + this.options.sessionTtlMs;
    this.store.createSession(hashToken(token), staffId, expiresAt);
    return { token, expiresAt };
  }

  endSession(token: string): void {
    this.store.deleteSession(hashToken(token));
  }

  private existing(email: string): StaffRecord {
    const record = this.store.byEmail(email.trim());
    if (!record) {
      throw new StaffError(
        { en: `No staff account for ${email}.`, vi: `Không có tài khoản nhân viên nào cho ${email}.` },
        404,
      );
    }
    return record;
  }

  async setPassword(email: string, password: string): Promise<StaffUser> {
    const record = this.existing(email);
    this.checkPassword(password);
    this.store.setPassword(record.id, await (await argon2()).hash(password));
    return toUser(record);
  }

  /** The last admin stays: without one, nobody could add staff from the site. */
  remove(email: string): StaffUser {
    const record = this.existing(email);
    if (record.role === 'admin' && this.store.countAdmins() <= 1) {
      throw new StaffError(
        {
          en: `${record.email} is the only admin; add another admin before removing it.`,
          vi: `${record.email} là quản trị viên duy nhất; hãy thêm một quản trị viên khác trước khi xoá tài khoản này.`,
        },
        409,
      );
    }
    this.store.remove(record.id);
    return toUser(record);
  }
}
