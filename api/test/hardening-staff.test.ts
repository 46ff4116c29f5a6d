import { randomBytes } from 'node:crypto';
import type {
  ArtifactDetail,
  StaffArtifactDetail,
  StaffArtifactPage,
} from '@artifact-stories/contracts/schemas';
import type { HTTPMethods } from 'fastify';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffEn as en } from '../../web/src/lib/i18n/staff-en.ts';
import { staffVi as vi } from '../../web/src/lib/i18n/staff-vi.ts';
import { FORM_LABELS, LANGUAGE_LABELS } from '../src/errors/field-labels.ts';
import { LocalizedError } from '../src/errors/localized.ts';
import { attachReadyManifest, fakeManifest, makeTestApp, type TestApp } from './helpers.ts';
import { artifactInput, staffCookie } from './staff-helpers.ts';

// Issue 12, staff correctness: one case per item (13, 14, 15), each runnable alone.

let t: TestApp;
let editor: string;

beforeAll(async () => {
  t = await makeTestApp({ catalogue: true });
  editor = await staffCookie(t.app, 'editor');
});
afterAll(async () => t.app.close());

function call(
  method: HTTPMethods,
  url: string,
  payload?: unknown,
  lang: 'vi' | 'en' = 'en',
  cookie = editor,
) {
  return t.app.inject({
    method,
    url,
    payload: payload as object,
    headers: { cookie, 'accept-language': lang },
  });
}

/** A real tus upload over HTTP (the app listens on demand); resolves with the server's JSON refusal, if any. */
async function tusUpload(data: Buffer, metadata: Record<string, string>, lang: 'vi' | 'en' = 'en') {
  if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  return new Promise<{ status?: number; body?: { message: string; code: string } }>((resolve) => {
    new tus.Upload(data, {
      endpoint: `${base}/api/staff/uploads`,
      metadata,
      headers: { cookie: editor, 'accept-language': lang },
      retryDelays: null,
      storeFingerprintForResuming: false,
      onSuccess: () => resolve({}),
      onError: (err) => {
        const res = (err as tus.DetailedError).originalResponse;
        resolve({ status: res?.getStatus(), body: JSON.parse(res?.getBody() || '{}') });
      },
    }).start();
  });
}

async function createArtifact(overrides: Parameters<typeof artifactInput>[0] = {}) {
  const res = await call('POST', '/api/staff/artifacts', artifactInput(overrides));
  expect(res.statusCode).toBe(201);
  return res.json<StaffArtifactDetail>();
}

describe('issue 12: staff correctness', () => {
  it('item 13: publishing needs a ready film and a story, or the explicit choice to publish without', async () => {
    const isPublic = async (slug: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/artifacts/${slug}` })).statusCode === 200;
    const publish = (id: number, body?: object, lang: 'vi' | 'en' = 'en') =>
      call('POST', `/api/staff/artifacts/${id}/publish`, body, lang);

    // A story but no film: refused, with the reason and what to do, in the asked language.
    const noFilm = await createArtifact();
    const refused = await publish(noFilm.id, undefined, 'vi');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'film_not_ready' });
    expect(refused.json().message).toMatch(/^Hiện vật này chưa có phim sẵn sàng/);
    expect(refused.json().message).toMatch(/chọn rõ/);
    expect((await publish(noFilm.id, {})).json().code).toBe('film_not_ready');
    expect(await isPublic(noFilm.slug)).toBe(false);
    // A film still being made is not a ready one.
    const video = t.app.repos.videos.create({
      artifactId: noFilm.id,
      sourcePath: '/nonexistent/source.mp4',
      sourceName: 'source.mp4',
      sourceSize: 1,
    });
    t.app.repos.artifacts.setCurrentVideo(noFilm.id, video.id);
    expect((await publish(noFilm.id)).json().code).toBe('film_not_ready');

    // The explicit choice publishes it, and visitors get the page without a player.
    const chosen = await publish(noFilm.id, { withoutFilm: true });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json<StaffArtifactDetail>().status).toBe('published');
    const page = await t.app.inject({ method: 'GET', url: `/api/artifacts/${noFilm.slug}` });
    expect(page.json().video).toBeNull();

    // A ready film but no story in either language.
    const noStory = await createArtifact({ story: { vi: '  ', en: '' } });
    attachReadyManifest(t, noStory.slug, fakeManifest('v1'));
    const storyless = await publish(noStory.id);
    expect(storyless.statusCode).toBe(409);
    expect(storyless.json()).toMatchObject({ code: 'story_missing', field: 'story' });
    expect(storyless.json().message).toMatch(/no story in either language/);
    expect((await publish(noStory.id, { withoutFilm: true })).statusCode).toBe(409);
    expect((await publish(noStory.id, { withoutStory: true })).statusCode).toBe(200);

    // Neither: one refusal naming both; both choices are needed.
    const bare = await createArtifact({ story: { vi: '', en: '' } });
    const both = await publish(bare.id);
    expect(both.json().code).toBe('film_not_ready');
    expect(both.json().message).toMatch(/no ready film and no story/);
    expect((await publish(bare.id, { withoutFilm: true })).json().code).toBe('story_missing');
    expect((await publish(bare.id, { withoutFilm: true, withoutStory: true })).statusCode).toBe(200);

    // Complete: no choice needed, with or without a body.
    const complete = await createArtifact({ story: { vi: '', en: 'Only in English.' } });
    attachReadyManifest(t, complete.slug, fakeManifest('v1'));
    expect((await publish(complete.id)).statusCode).toBe(200);
    expect(await isPublic(complete.slug)).toBe(true);
  });

  it('item 14: a refused replacement upload leaves the film on show as it is; staff see both facts apart', async () => {
    // Published, with a ready film visitors play.
    const artifact = await createArtifact();
    const { videoId: onShowId } = attachReadyManifest(t, artifact.slug, fakeManifest('v1'));
    expect((await call('POST', `/api/staff/artifacts/${artifact.id}/publish`)).statusCode).toBe(200);

    // A replacement that is not a video at all: refused by content, through the real upload path.
    const refused = await tusUpload(randomBytes(64 * 1024), {
      artifactId: String(artifact.id),
      filename: 'ban-moi.mp4',
    });
    expect(refused).toMatchObject({ status: 422, body: { code: 'video_refused' } });

    // Visitors still get the old film.
    const pub = (
      await t.app.inject({ method: 'GET', url: `/api/artifacts/${artifact.slug}` })
    ).json<ArtifactDetail>();
    expect(pub.video?.id).toBe(onShowId);

    // Staff see what visitors see, and, apart, what happened to the last upload with its reason.
    const detail = (
      await call('GET', `/api/staff/artifacts/${artifact.id}`, undefined, 'vi')
    ).json<StaffArtifactDetail>();
    expect(detail.onShow).toMatchObject({ id: onShowId, status: 'ready', current: true, error: null });
    expect(detail.video).toMatchObject({ status: 'failed', current: false, sourceName: 'ban-moi.mp4' });
    expect(detail.video?.id).not.toBe(onShowId);
    expect(detail.video?.error).toEqual(expect.any(String));
    const list = (
      await call('GET', `/api/staff/artifacts?q=${artifact.accessionNumber}`)
    ).json<StaffArtifactPage>();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      onShow: { id: onShowId, status: 'ready' },
      video: { status: 'failed', current: false },
    });

    // With nothing on show, there is nothing to confuse: onShow is null, the failed upload is the last upload.
    const fresh = await createArtifact();
    await tusUpload(randomBytes(64 * 1024), { artifactId: String(fresh.id), filename: 'hong.mp4' });
    const freshView = (await call('GET', `/api/staff/artifacts/${fresh.id}`)).json<StaffArtifactDetail>();
    expect(freshView.onShow).toBeNull();
    expect(freshView.video).toMatchObject({ status: 'failed', current: false });
  });

  it('item 15: refusals name fields by the form’s own labels, in the request’s language, with a stable code', async () => {
    const first = await createArtifact();
    const dup = artifactInput({ accessionNumber: first.accessionNumber });
    expect((await call('POST', '/api/staff/artifacts', dup, 'vi')).json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: `Số hiệu «${first.accessionNumber}» đã được một hiện vật khác dùng. Hãy chọn số hiệu khác.`,
      code: 'accession_number_taken',
      field: 'accessionNumber',
    });
    expect((await call('POST', '/api/staff/artifacts', dup, 'en')).json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: `Accession number "${first.accessionNumber}" is already used by another artifact. Choose another one.`,
      code: 'accession_number_taken',
      field: 'accessionNumber',
    });
    const other = await createArtifact();
    const slugTaken = await call('PATCH', `/api/staff/artifacts/${other.id}`, { slug: first.slug }, 'vi');
    expect(slugTaken.json()).toMatchObject({
      message: `Đường dẫn (slug) «${first.slug}» đã được một hiện vật khác dùng. Hãy chọn đường dẫn khác.`,
      code: 'slug_taken',
      field: 'slug',
    });

    // Schema refusals: the label of the form, the half of a bilingual field, the field's API name beside it.
    const noTitle = { ...artifactInput(), title: { vi: '', en: 'x' } };
    expect((await call('POST', '/api/staff/artifacts', noTitle, 'vi')).json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: '«Tên hiện vật (Tiếng Việt)» không được để trống.',
      code: 'validation_failed',
      field: 'title.vi',
    });
    expect((await call('POST', '/api/staff/artifacts', noTitle, 'en')).json().message).toBe(
      '"Title (Vietnamese)" must not be empty.',
    );
    const { accessionNumber: _, ...noNumber } = artifactInput();
    expect((await call('POST', '/api/staff/artifacts', noNumber, 'vi')).json()).toMatchObject({
      message: '«Số hiệu» bị thiếu: hãy điền vào.',
      code: 'validation_failed',
      field: 'accessionNumber',
    });
    const cat = await call('POST', '/api/staff/artifacts', artifactInput({ category: 'spaceship' }), 'vi');
    expect(cat.json()).toMatchObject({ code: 'unknown_category', field: 'category' });
    expect(cat.json().message).toMatch(/^Loại hiện vật: «spaceship»/);
    const group = await call('POST', '/api/staff/artifacts', artifactInput({ ethnicGroups: ['atlantean'] }));
    expect(group.json()).toMatchObject({ code: 'unknown_ethnic_group', field: 'ethnicGroups' });
    expect(group.json().message).toMatch(/^Ethnic groups: "atlantean"/);

    // No message starts with an internal field name.
    for (const res of [slugTaken, cat, group]) {
      expect(res.json().message).not.toMatch(/^(accessionNumber|slug|category|ethnicGroups|title)\b/);
    }

    // Every error answer carries a code, whoever wrote it.
    const codes = await Promise.all([
      t.app.inject({ method: 'GET', url: '/api/artifacts/no-such-artifact' }),
      t.app.inject({ method: 'GET', url: '/api/nowhere' }),
      t.app.inject({ method: 'GET', url: '/api/staff/artifacts' }),
      call('GET', '/api/staff/artifacts?page=0'),
      t.app.inject({
        method: 'POST',
        url: '/api/staff/artifacts',
        headers: { cookie: editor, 'content-type': 'application/json' },
        payload: '{"slug": ',
      }),
      t.app.inject({ method: 'GET', url: '/iiif/artifacts/no-such-artifact/manifest.json' }),
    ]);
    expect(codes.map((r) => [r.statusCode, r.json().code])).toEqual([
      [404, 'not_found'],
      [404, 'not_found'],
      [401, 'unauthorized'],
      [400, 'validation_failed'],
      [400, 'invalid_json'],
      [404, 'not_found'],
    ]);
    // A refusal written with two arguments (as elsewhere in the app) gets its status's code.
    expect(new LocalizedError(429, { en: 'Slow down.', vi: 'Chậm lại.' }).code).toBe('rate_limited');

    // The labels are the web form's own, in both languages.
    const keys: Record<string, keyof typeof vi> = {
      title: 'editor.title',
      slug: 'editor.slug',
      accessionNumber: 'editor.accession',
      category: 'editor.category',
      ethnicGroups: 'editor.groups',
      story: 'editor.story',
      material: 'editor.material',
      region: 'editor.region',
      featured: 'editor.featured',
      email: 'staff.email',
      password: 'staff.password',
    };
    for (const [field, label] of Object.entries(FORM_LABELS)) {
      const key = keys[field] as keyof typeof vi;
      expect(label, field).toEqual({ vi: vi[key], en: en[key] });
    }
    expect(LANGUAGE_LABELS).toEqual({
      vi: { vi: vi['editor.vi'], en: en['editor.vi'] },
      en: { vi: vi['editor.en'], en: en['editor.en'] },
    });
  });
});
