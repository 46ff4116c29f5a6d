import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ArtifactPage,
  StaffArtifactDetail,
  StaffArtifactPage,
} from '@artifact-stories/contracts/schemas';
import type { HTTPMethods } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

function call(method: HTTPMethods, url: string, payload?: unknown, cookie = editor, lang?: 'vi' | 'en') {
  const headers = lang ? { cookie, 'accept-language': lang } : { cookie };
  return t.app.inject({ method, url, payload: payload as object, headers });
}

describe('staff artifacts', () => {
  it('create → edit → publish → unpublish, and drafts never reach the public API', async () => {
    const input = artifactInput({ ethnicGroups: ['hmong', 'dao'] });
    const created = await call('POST', '/api/staff/artifacts', input);
    expect(created.statusCode).toBe(201);
    const a = created.json<StaffArtifactDetail>();
    expect(a).toMatchObject({ ...input, status: 'draft', video: null, publishedAt: null });
    expect(a.preview.ethnicGroups.map((g) => g.slug)).toEqual(['hmong', 'dao']);
    expect(a.preview.storyHtml.vi).toContain('<strong>thử</strong>');

    const isPublic = async () => {
      const list = (
        await t.app.inject({ method: 'GET', url: '/api/artifacts?pageSize=100' })
      ).json<ArtifactPage>();
      const one = await t.app.inject({ method: 'GET', url: `/api/artifacts/${input.slug}` });
      expect(list.items.some((i) => i.slug === input.slug)).toBe(one.statusCode === 200);
      return one.statusCode === 200;
    };
    expect(await isPublic()).toBe(false);

    const patched = await call('PATCH', `/api/staff/artifacts/${a.id}`, {
      title: { vi: 'Áo lanh', en: 'Hemp jacket' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ title: { vi: 'Áo lanh', en: 'Hemp jacket' }, story: input.story });

    // A patch that leaves `featured` out leaves it as it was.
    await call('PATCH', `/api/staff/artifacts/${a.id}`, { featured: true });
    const again = await call('PATCH', `/api/staff/artifacts/${a.id}`, {
      region: { vi: 'Lào Cai', en: 'Lao Cai' },
    });
    expect(again.json().featured).toBe(true);

    // No film yet: publishing it anyway is an explicit choice (issue 12, item 13).
    const published = await call('POST', `/api/staff/artifacts/${a.id}/publish`, { withoutFilm: true });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    expect(await isPublic()).toBe(true);
    const pub = (await t.app.inject({ method: 'GET', url: `/api/artifacts/${input.slug}` })).json();
    expect(pub.video).toBeNull(); // published without a ready video, as chosen: shown without a player

    const unpublished = await call('POST', `/api/staff/artifacts/${a.id}/unpublish`);
    expect(unpublished.json().status).toBe('draft');
    expect(await isPublic()).toBe(false);

    const list = (
      await call('GET', `/api/staff/artifacts?status=draft&q=${encodeURIComponent('Áo lanh')}`)
    ).json<StaffArtifactPage>();
    expect(list.items.map((i) => i.id)).toEqual([a.id]);
    expect(list.total).toBe(1);
    const all = (await call('GET', '/api/staff/artifacts?pageSize=100')).json<StaffArtifactPage>();
    const drafts = t.app.db.prepare(`SELECT COUNT(*) AS n FROM artifacts`).get() as { n: number };
    expect(all.total).toBe(drafts.n);
    expect(
      all.items.some((i) => i.status === 'draft') && all.items.some((i) => i.status === 'published'),
    ).toBe(true);
  });

  it('refusals name the field: schema errors, unknown group or category (400), duplicates (409)', async () => {
    const bad = await call('POST', '/api/staff/artifacts', { ...artifactInput(), slug: 'Not A Slug' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/slug/);
    const noTitle = await call('POST', '/api/staff/artifacts', {
      ...artifactInput(),
      title: { vi: '', en: 'x' },
    });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json().message).toBe('"Title (Vietnamese)" must not be empty.');

    const group = await call(
      'POST',
      '/api/staff/artifacts',
      artifactInput({ ethnicGroups: ['hmong', 'atlantean'] }),
    );
    expect(group.statusCode).toBe(400);
    expect(group.json()).toMatchObject({
      field: 'ethnicGroups',
      message: expect.stringMatching(/"atlantean"/),
    });
    const cat = await call('POST', '/api/staff/artifacts', artifactInput({ category: 'spaceship' }));
    expect(cat.statusCode).toBe(400);
    expect(cat.json()).toMatchObject({ field: 'category', message: expect.stringMatching(/"spaceship"/) });

    const first = (await call('POST', '/api/staff/artifacts', artifactInput())).json<StaffArtifactDetail>();
    const sameSlug = await call('POST', '/api/staff/artifacts', artifactInput({ slug: first.slug }));
    expect(sameSlug.statusCode).toBe(409);
    expect(sameSlug.json()).toMatchObject({ field: 'slug', code: 'slug_taken' });
    const sameNumber = await call(
      'POST',
      '/api/staff/artifacts',
      artifactInput({ accessionNumber: first.accessionNumber }),
    );
    expect(sameNumber.statusCode).toBe(409);
    expect(sameNumber.json()).toMatchObject({ field: 'accessionNumber', code: 'accession_number_taken' });
    const other = (await call('POST', '/api/staff/artifacts', artifactInput())).json<StaffArtifactDetail>();
    const patchDup = await call('PATCH', `/api/staff/artifacts/${other.id}`, { slug: first.slug });
    expect(patchDup.statusCode).toBe(409);
    // Saving an artifact with its own slug is no conflict.
    expect((await call('PATCH', `/api/staff/artifacts/${first.id}`, { slug: first.slug })).statusCode).toBe(
      200,
    );

    expect((await call('GET', '/api/staff/artifacts/999999')).statusCode).toBe(404);
    expect((await call('POST', '/api/staff/artifacts/999999/publish')).statusCode).toBe(404);
  });

  it('refusals come in the language the request asks for, in the one error shape', async () => {
    const noTitle = { ...artifactInput(), title: { vi: '', en: 'x' } };
    expect((await call('POST', '/api/staff/artifacts', noTitle, editor, 'vi')).json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: '«Tên hiện vật (Tiếng Việt)» không được để trống.',
      code: 'validation_failed',
      field: 'title.vi',
    });
    const badSlug = { ...artifactInput(), slug: 'Not A Slug' };
    expect((await call('POST', '/api/staff/artifacts', badSlug, editor, 'vi')).json().message).toBe(
      '«Đường dẫn (slug)» chỉ được gồm chữ thường không dấu (a–z), chữ số và dấu gạch nối đơn, ví dụ «khen-hmong».',
    );
    const badPage = await call('GET', '/api/staff/artifacts?page=0', undefined, editor, 'vi');
    expect(badPage.json().message).toBe('Tham số «page» phải lớn hơn hoặc bằng 1.');
    const badStatus = await call('GET', '/api/staff/artifacts?status=lost', undefined, editor, 'en');
    expect(badStatus.json().message).toMatch(
      /^Query parameter "status" must be one of: "draft", "published"/,
    );

    const first = (await call('POST', '/api/staff/artifacts', artifactInput())).json<StaffArtifactDetail>();
    const dup = artifactInput({ accessionNumber: first.accessionNumber });
    expect((await call('POST', '/api/staff/artifacts', dup, editor, 'vi')).json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: `Số hiệu «${first.accessionNumber}» đã được một hiện vật khác dùng. Hãy chọn số hiệu khác.`,
      code: 'accession_number_taken',
      field: 'accessionNumber',
    });
    expect((await call('POST', '/api/staff/artifacts', dup, editor, 'en')).json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: `Accession number "${first.accessionNumber}" is already used by another artifact. Choose another one.`,
      code: 'accession_number_taken',
      field: 'accessionNumber',
    });
    // A video error stored before both languages were kept (English only) is shown as it is.
    const old = t.app.repos.videos.create({
      artifactId: first.id,
      sourcePath: null,
      sourceName: 'a.mp4',
      sourceSize: 1,
    });
    t.app.repos.videos.setStatus(old.id, 'failed', { error: 'An old English-only reason.' });
    const view = await call('GET', `/api/staff/artifacts/${first.id}`, undefined, editor, 'vi');
    expect(view.json<StaffArtifactDetail>().video?.error).toBe('An old English-only reason.');

    const gone = await call('GET', '/api/staff/artifacts/987654', undefined, editor, 'vi');
    expect(gone.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Không có hiện vật nào có mã số 987654; có thể hiện vật đã bị xoá.',
      code: 'not_found',
    });
  });

  it('delete is for admins and removes the row, then the media folders, sources and captions', async () => {
    const a = (await call('POST', '/api/staff/artifacts', artifactInput())).json<StaffArtifactDetail>();
    const source = join(t.config.uploadDir, 'sources', 'v-del.mp4');
    mkdirSync(join(t.config.uploadDir, 'sources'), { recursive: true });
    writeFileSync(source, 'not really a video');
    t.app.repos.videos.create({
      id: 'v-del',
      artifactId: a.id,
      sourcePath: source,
      sourceName: 'x.mp4',
      sourceSize: 18,
    });
    const job = t.app.queue.enqueue('transcode', { input: source, videoId: 'v-del' });
    t.app.repos.videos.setStatus('v-del', 'queued', { jobId: job.id });
    const media = join(t.config.mediaDir, 'v-del', 'v1');
    mkdirSync(media, { recursive: true });
    writeFileSync(join(media, 'master.m3u8'), '#EXTM3U\n');
    const caption = join(t.config.uploadDir, 'captions', 'v-del', 'vi.vtt');
    mkdirSync(join(caption, '..'), { recursive: true });
    writeFileSync(caption, 'WEBVTT\n');

    const list = (await call('GET', '/api/staff/artifacts?pageSize=100')).json<StaffArtifactPage>();
    expect(list.items.find((i) => i.id === a.id)?.video).toMatchObject({
      id: 'v-del',
      status: 'queued',
      jobId: job.id,
    });

    const byEditor = await call('DELETE', `/api/staff/artifacts/${a.id}`);
    expect(byEditor.statusCode).toBe(403);
    expect(existsSync(source)).toBe(true);

    const byAdmin = await call('DELETE', `/api/staff/artifacts/${a.id}`, undefined, admin);
    expect(byAdmin.statusCode).toBe(204);
    expect(t.app.repos.artifacts.byId(a.id)).toBeUndefined();
    expect(t.app.repos.videos.byId('v-del')).toBeUndefined();
    expect(existsSync(join(t.config.mediaDir, 'v-del'))).toBe(false);
    expect(existsSync(source)).toBe(false);
    expect(existsSync(join(t.config.uploadDir, 'captions', 'v-del'))).toBe(false);
    expect(t.app.queue.get(job.id)?.state).toBe('cancelled');
    expect((await call('DELETE', `/api/staff/artifacts/${a.id}`, undefined, admin)).statusCode).toBe(404);
  });
});

describe('staff users (admins only)', () => {
  it('an admin lists and adds accounts; the new account can sign in; duplicates and weak passwords are refused', async () => {
    const body = {
      email: 'new.editor@museum.vn',
      name: 'Chị Lan',
      role: 'editor',
      password: 'twelve chars long',
    };
    const created = await call('POST', '/api/staff/users', body, admin);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: body.email, name: 'Chị Lan', role: 'editor' });
    const list = await call('GET', '/api/staff/users', undefined, admin);
    expect(list.json().map((u: { email: string }) => u.email)).toContain(body.email);
    expect(JSON.stringify(list.json())).not.toMatch(/argon2|password/i);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: { email: body.email, password: body.password },
    });
    expect(signIn.statusCode).toBe(200);

    expect((await call('POST', '/api/staff/users', body, admin)).statusCode).toBe(409);
    const weak = await call(
      'POST',
      '/api/staff/users',
      { ...body, email: 'w@museum.vn', password: 'short' },
      admin,
    );
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ field: 'password', message: expect.stringMatching(/Password/) });
    expect((await call('POST', '/api/staff/users', { ...body, email: 'x@museum.vn' })).statusCode).toBe(403);
  });
});
