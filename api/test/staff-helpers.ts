import type { ArtifactInput, Role, StaffUser } from '@artifact-stories/contracts/schemas';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export const PASSWORD = 'correct horse battery staple';

let counter = 0;

/** A new staff account through the real service (argon2id and all). */
export async function addStaff(app: FastifyInstance, role: Role, email?: string): Promise<StaffUser> {
  counter += 1;
  return app.staffAccounts.add({
    email: email ?? `${role}${counter}@museum.test`,
    name: `${role} ${counter}`,
    role,
    password: PASSWORD,
  });
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'sid');
  if (!c) throw new Error(`no session cookie in the response (status ${res.statusCode}): ${res.body}`);
  return `sid=${c.value}`;
}

export async function login(app: FastifyInstance, email: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/staff/login', payload: { email, password } });
  return sessionCookie(res);
}

/** A signed-in cookie for a fresh account of the role. */
export async function staffCookie(app: FastifyInstance, role: Role): Promise<string> {
  const user = await addStaff(app, role);
  return login(app, user.email);
}

export function artifactInput(overrides: Partial<ArtifactInput> = {}): ArtifactInput {
  counter += 1;
  return {
    slug: `test-artifact-${counter}`,
    accessionNumber: `BTDTVN-T-${counter}`,
    title: { vi: `Hiện vật thử ${counter}`, en: `Test artifact ${counter}` },
    story: { vi: 'Câu chuyện **thử**.', en: 'A *test* story.' },
    category: 'textile',
    material: { vi: 'Vải lanh', en: 'Hemp cloth' },
    region: { vi: 'Hà Giang', en: 'Ha Giang' },
    featured: false,
    ethnicGroups: ['hmong'],
    ...overrides,
  };
}
