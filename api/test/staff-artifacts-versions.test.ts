import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaffArtifactDetail } from '@artifact-stories/contracts/schemas';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildArtifactsWithAutoincrement } from '../src/db/artifact-ids.ts';
import { migrate } from '../src/db/migrate.ts';
import { MIGRATIONS } from '../src/db/migrations.ts';
import { ArtifactsRepository } from '../src/repositories/artifacts.repository.ts';
import { makeTestApp, type TestApp } from './helpers.ts';
import { artifactInput, staffCookie } from './staff-helpers.ts';

let t: TestApp;
let editor: string;
let admin: string;

beforeAll(async () => {
  t = await makeTestApp({ catalogue: true });
  editor = await staffCookie(t.app, 'editor');
  admin = await staffCookie(t.app, 'admin');
});
afterAll(async () => t.app.close());

const patch = (id: number, payload: object, lang: 'vi' | 'en' = 'en') =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/staff/artifacts/${id}`,
    payload,
    headers: { cookie: editor, 'accept-language': lang },
  });

async function create(): Promise<StaffArtifactDetail> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/staff/artifacts',
    payload: artifactInput(),
    headers: { cookie: editor },
  });
  expect(res.statusCode).toBe(201);
  return res.json<StaffArtifactDetail>();
}

const remove = (id: number) =>
  t.app.inject({ method: 'DELETE', url: `/api/staff/artifacts/${id}`, headers: { cookie: admin } });

describe('saving against the version the editor loaded', () => {
  it('refuses the second of two saves made from the same copy, in both languages, and keeps the first', async () => {
    const a = await create();
    const first = await patch(a.id, { title: { vi: 'Bản A', en: 'A' }, expectedUpdatedAt: a.updatedAt });
    expect(first.statusCode).toBe(200);
    const saved = first.json<StaffArtifactDetail>();
    expect(Date.parse(saved.updatedAt)).toBeGreaterThan(Date.parse(a.updatedAt));

    for (const lang of ['en', 'vi'] as const) {
      const stale = await patch(
        a.id,
        { title: { vi: 'Bản B', en: 'B' }, expectedUpdatedAt: a.updatedAt },
        lang,
      );
      expect(stale.statusCode).toBe(409);
      expect(stale.json().message).toMatch(
        lang === 'en' ? /Someone else changed this artifact.*Reload/ : /đã được người khác sửa.*tải lại/,
      );
    }
    const now = await t.app.inject({
      method: 'GET',
      url: `/api/staff/artifacts/${a.id}`,
      headers: { cookie: editor },
    });
    expect(now.json<StaffArtifactDetail>()).toMatchObject({ title: { vi: 'Bản A', en: 'A' } });

    // The answer's updatedAt is the version to send next; without one the old behaviour stays.
    const next = await patch(a.id, { featured: true, expectedUpdatedAt: saved.updatedAt });
    expect(next.statusCode).toBe(200);
    expect((await patch(a.id, { featured: false })).statusCode).toBe(200);
  });

  it('chained quick saves all succeed, each with a newer version', async () => {
    const { id, updatedAt } = await create();
    let version = updatedAt;
    for (let i = 0; i < 5; i++) {
      const res = await patch(id, {
        region: { vi: `Vùng ${i}`, en: `Region ${i}` },
        expectedUpdatedAt: version,
      });
      expect(res.statusCode).toBe(200);
      const next = res.json<StaffArtifactDetail>().updatedAt;
      expect(Date.parse(next)).toBeGreaterThan(Date.parse(version));
      version = next;
    }
  });

  it('a tab still open on a deleted artifact gets 409, and its id goes to no new artifact', async () => {
    const gone = await create();
    expect((await remove(gone.id)).statusCode).toBe(204);
    const fresh = await create();
    expect(fresh.id).toBeGreaterThan(gone.id);

    for (const lang of ['en', 'vi'] as const) {
      const res = await patch(
        gone.id,
        { title: { vi: 'Cũ', en: 'Old' }, expectedUpdatedAt: gone.updatedAt },
        lang,
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().message).toMatch(
        lang === 'en' ? /deleted this artifact.*Reload/ : /bị người khác xoá/,
      );
    }
    expect((await patch(gone.id, { title: { vi: 'Cũ', en: 'Old' } })).statusCode).toBe(404);
  });

  it('an artifact recreated under a deleted id (as databases before the fix did) is not overwritten', async () => {
    const gone = await create();
    expect((await remove(gone.id)).statusCode).toBe(204);
    const fresh = await create();
    const db = t.app.db;
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      db.prepare('UPDATE artifacts SET id = ? WHERE id = ?').run(gone.id, fresh.id);
      db.prepare('UPDATE artifact_ethnic_groups SET artifact_id = ? WHERE artifact_id = ?').run(
        gone.id,
        fresh.id,
      );
    })();

    const res = await patch(
      gone.id,
      { title: { vi: 'Cũ', en: 'Old' }, expectedUpdatedAt: gone.updatedAt },
      'vi',
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/đã được người khác sửa/);
    const row = db.prepare('SELECT title_vi FROM artifacts WHERE id = ?').get(gone.id);
    expect(row).toEqual({ title_vi: fresh.title.vi });
  });
});

describe('updated_at as a version', () => {
  it('grows with every write even when the clock does not move', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    db.prepare("INSERT INTO categories VALUES ('textile', 'Dệt', 'Textile', 1)").run();
    db.prepare("INSERT INTO language_families VALUES ('hmong-mien', 'H', 'H', 1)").run();
    db.prepare(
      "INSERT INTO ethnic_groups (slug, code, code_list, name_vi, name_en, language_family) VALUES ('hmong', '1', 'x', 'Mông', 'Hmong', 'hmong-mien')",
    ).run();
    const repo = new ArtifactsRepository(db, () => 1_000);
    const { id } = repo.create(artifactInput());
    const seen = [repo.byId(id)?.updatedAt];
    repo.update(id, { featured: true });
    seen.push(repo.byId(id)?.updatedAt);
    repo.setStatus(id, 'published');
    seen.push(repo.byId(id)?.updatedAt);
    repo.setCurrentVideo(id, null);
    seen.push(repo.byId(id)?.updatedAt);
    expect(seen).toEqual([1_000, 1_001, 1_002, 1_003]);
  });
});

describe('migration to never-reused artifact ids', () => {
  it('keeps every row and link, cascades as before, and skips ids the outbox has seen', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'artifact-ids-')), 'catalogue.db');
    const db = new Database(file);
    db.pragma('foreign_keys = ON');
    const before = MIGRATIONS.indexOf(rebuildArtifactsWithAutoincrement);
    expect(before).toBeGreaterThan(0);
    db.transaction(() => {
      for (const step of MIGRATIONS.slice(0, before)) step(db);
      db.pragma(`user_version = ${before}`);
    })();
    db.exec(`
      INSERT INTO categories VALUES ('textile', 'Dệt', 'Textile', 1);
      INSERT INTO language_families VALUES ('hmong-mien', 'H', 'H', 1);
      INSERT INTO ethnic_groups (slug, code, code_list, name_vi, name_en, language_family)
        VALUES ('hmong', '1', 'x', 'Mông', 'Hmong', 'hmong-mien');
    `);
    const repo = new ArtifactsRepository(db);
    const a = repo.create(artifactInput());
    const b = repo.create(artifactInput());
    const c = repo.create(artifactInput());
    db.prepare(
      "INSERT INTO videos (id, artifact_id, status, created_at, updated_at, error_vi) VALUES ('v1', ?, 'ready', 1, 1, 'lỗi')",
    ).run(b.id);
    db.prepare("INSERT INTO captions VALUES ('v1', 'vi', 'Tiếng Việt', 'v1/vi.vtt', 1)").run();
    repo.delete(c.id);
    const snapshot = (sql: string) => db.prepare(sql).all();
    const tables = ['artifacts', 'artifact_ethnic_groups', 'videos', 'captions'].map(
      (n) => `SELECT * FROM ${n}`,
    );
    const old = tables.map(snapshot);

    migrate(db);
    // A later migration gives each caption a kind and a source: Vietnamese is a human transcription.
    const withCaptionKinds = old.map((rows, i) =>
      i === 3 ? rows.map((r) => ({ ...(r as object), kind: 'transcription', source: 'human' })) : rows,
    );
    expect(tables.map(snapshot)).toEqual(withCaptionKinds);
    expect(db.prepare('SELECT * FROM pragma_foreign_key_check').all()).toEqual([]);
    expect(
      String(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'artifacts'").pluck().get()),
    ).toMatch(/AUTOINCREMENT/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE '%_new'").all()).toEqual([]);
    expect(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'videos_artifact'").get()).toBeDefined();

    // The deleted newest id stays retired; deleting an artifact still takes its videos and captions along.
    expect(repo.create(artifactInput()).id).toBe(c.id + 1);
    repo.delete(b.id);
    expect(db.prepare('SELECT COUNT(*) FROM videos').pluck().get()).toBe(0);
    expect(db.prepare('SELECT COUNT(*) FROM captions').pluck().get()).toBe(0);
    expect(
      db.prepare('SELECT COUNT(*) FROM artifact_ethnic_groups WHERE artifact_id = ?').pluck().get(a.id),
    ).toBe(1);
    db.close();
  });
});
