import { LESSON_CODE_ALPHABET } from '@artifact-stories/contracts/lesson-code';
import { LESSON_ITEMS_MAX, LESSON_NOTE_MAX_LENGTH } from '@artifact-stories/contracts/limits';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fromAddress, lessonInput } from './lessons-helpers.ts';
import { attachReadyVideo, slugsWhere, useReachApp } from './reach-fixtures.ts';
import { staffCookie } from './staff-helpers.ts';

const { t } = useReachApp();
let films: string[];

beforeAll(() => {
  // t.ready is published with a 12.5 s clip; two more published films get one too.
  const more = slugsWhere(t, 'published', 4)
    .filter((s) => s !== t.ready && s !== t.bare)
    .slice(0, 2);
  for (const slug of more) attachReadyVideo(t, slug);
  films = [t.ready, ...more];
});

afterEach(() => {
  vi.useRealTimers();
});

describe('making and opening a lesson', () => {
  it('gives a class code, an edit token kept only as a hash, and the lesson in order, unlisted', async () => {
    const as = fromAddress(t.app, '10.1.0.1');
    const res = await as.create(lessonInput(films));
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    const { lesson, editToken } = res.json();
    expect(lesson.code).toMatch(new RegExp(`^[${LESSON_CODE_ALPHABET}]{6}$`));
    expect(editToken.length).toBeGreaterThanOrEqual(32);
    const row = t.app.db.prepare('SELECT * FROM lessons WHERE code = ?').get(lesson.code) as object;
    expect(JSON.stringify(row)).not.toContain(editToken);

    // As a pupil types it: lower case, with a dash.
    const typed = `${lesson.code.slice(0, 3).toLowerCase()}-${lesson.code.slice(3)}`;
    const opened = await as.get(`/api/lessons/${typed}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['x-robots-tag']).toBe('noindex, nofollow');
    const body = opened.json();
    expect(body.items.map((i: { artifact: { slug: string } }) => i.artifact.slug)).toEqual(films);
    expect(body.items[0]).toMatchObject({ start: 2, end: 8, note: 'Em nghe thấy gì?' });
    expect(body.items[1]).toMatchObject({ start: null, end: null, note: '' });
    expect(body.teacherName).toBe('Cô Lan');
  });

  it('takes null times as the builder sends them: the whole film, or from a start to the end', async () => {
    const as = fromAddress(t.app, '10.1.0.9');
    const items = [
      { artifact: films[0] as string, start: null, end: null, note: '' },
      { artifact: films[1] as string, start: 2, end: null, note: '' },
      { artifact: films[2] as string, start: 0, end: 4, note: '' },
    ];
    const res = await as.create(lessonInput(films, { items }));
    expect(res.statusCode, res.body).toBe(201);
    const body = (await as.get(`/api/lessons/${res.json().lesson.code}`)).json();
    expect(body.items.map((i: { start: number | null; end: number | null }) => [i.start, i.end])).toEqual([
      [null, null],
      [2, null],
      [0, 4],
    ]);
  });

  it('draws every code from the unambiguous alphabet', async () => {
    const as = fromAddress(t.app, '10.1.0.2');
    for (let i = 0; i < 5; i++) {
      const { lesson } = (await as.create(lessonInput([t.ready]))).json();
      for (const ch of lesson.code) expect(LESSON_CODE_ALPHABET).toContain(ch);
    }
  });

  it('says a wrong code is wrong, in the language asked', async () => {
    const as = fromAddress(t.app, '10.1.0.3');
    const res = await as.get('/api/lessons/BCD-999', { 'accept-language': 'vi' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'lesson_not_found' });
    expect(res.json().message).toContain('Không có bài học nào mang mã «BCD-999»');
  });
});

describe('limits', () => {
  const as = () => fromAddress(t.app, '10.2.0.1');
  const refusal = async (body: unknown, lang = 'en') => {
    const res = await as().create(body, lang);
    expect(res.statusCode).toBe(400);
    return res.json() as { message: string; field?: string; code: string };
  };

  it('refuse too many items, too long a note, no title, in both languages, naming the field', async () => {
    const many = lessonInput(Array.from({ length: LESSON_ITEMS_MAX + 1 }, () => t.ready));
    expect(await refusal(many)).toMatchObject({ field: 'items', code: 'invalid_lesson' });
    expect((await refusal(many, 'vi')).message).toContain(`tối đa ${LESSON_ITEMS_MAX} phim`);

    const long = lessonInput([t.ready]);
    (long.items[0] as { note: string }).note = 'a'.repeat(LESSON_NOTE_MAX_LENGTH + 1);
    const tooLong = await refusal(long);
    expect(tooLong.field).toBe('items.0.note');
    expect(tooLong.message).toContain(`the most is ${LESSON_NOTE_MAX_LENGTH}`);

    expect(await refusal(lessonInput([t.ready], { title: '  \n ' }))).toMatchObject({ field: 'title' });
    expect((await refusal(lessonInput([t.ready], { title: '' }), 'vi')).message).toBe(
      'Hãy đặt tên cho bài học.',
    );
  });

  it('refuse an excerpt the film cannot play, a draft, and a film without a clip', async () => {
    const beyond = lessonInput([t.ready]);
    Object.assign(beyond.items[0] as object, { start: 5, end: 40 });
    const res = await refusal(beyond);
    expect(res.field).toBe('items.0.end');
    expect(res.message).toContain('the film is only 12 s long');
    const short = lessonInput([t.ready]);
    Object.assign(short.items[0] as object, { start: 5, end: 6 });
    expect((await refusal(short)).message).toContain('shorter than 2 seconds');

    expect(await refusal(lessonInput([t.draft]))).toMatchObject({ field: 'items.0.artifact' });
    expect(await refusal(lessonInput([t.bare]))).toMatchObject({ field: 'items.0.artifact' });
  });

  it('limit creation per address', async () => {
    const from = fromAddress(t.app, '10.2.0.99');
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await from.create(lessonInput([t.ready]))).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 201)).toBe(true);
    expect(codes[20]).toBe(429);
    // Another address is not held back.
    expect((await fromAddress(t.app, '10.2.0.100').create(lessonInput([t.ready]))).statusCode).toBe(201);
  });
});

describe('editing', () => {
  it('needs the edit token, and keeps the code', async () => {
    const as = fromAddress(t.app, '10.3.0.1');
    const { lesson, editToken } = (await as.create(lessonInput(films))).json();
    const changed = lessonInput([films[1] as string], { title: 'Đã sửa' });
    expect((await as.put(lesson.code, changed)).statusCode).toBe(403);
    const wrong = await as.put(lesson.code, changed, 'not-the-token');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('lesson_token_wrong');
    expect((await as.get(`/api/lessons/${lesson.code}`)).json().title).toBe('Nhạc cụ Tây Nguyên');

    expect((await as.get(`/api/lessons/${lesson.code}/edit`)).statusCode).toBe(403);
    const forEditor = await as.get(`/api/lessons/${lesson.code}/edit`, {
      authorization: `Bearer ${editToken}`,
    });
    expect(forEditor.statusCode).toBe(200);

    const ok = await as.put(lesson.code, changed, editToken);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ code: lesson.code, title: 'Đã sửa' });
    expect((await as.get(`/api/lessons/${lesson.code}`)).json().items).toHaveLength(1);
  });
});

describe('expiry', () => {
  it('deletes a lesson nobody opened for 180 days; opening it moves the day', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const day = 86_400_000;
    const start = Date.now();
    const as = fromAddress(t.app, '10.4.0.1');
    const kept = (await as.create(lessonInput([t.ready]))).json().lesson.code;
    const forgotten = (await as.create(lessonInput([t.ready]))).json().lesson.code;

    vi.setSystemTime(start + 170 * day);
    expect((await as.get(`/api/lessons/${kept}`)).statusCode).toBe(200);
    vi.setSystemTime(start + 181 * day);
    expect((await as.get(`/api/lessons/${kept}`)).statusCode).toBe(200);
    const gone = await as.get(`/api/lessons/${forgotten}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().message).toContain('180 days');
    expect(t.app.db.prepare('SELECT COUNT(*) AS n FROM lessons WHERE code = ?').get(forgotten)).toEqual({
      n: 0,
    });
  });
});

describe('what pupils see when the museum steps in', () => {
  it('staff find a lesson by its code and take it down; pupils see only that', async () => {
    const as = fromAddress(t.app, '10.5.0.1');
    const { lesson } = (await as.create(lessonInput([t.ready]))).json();
    const cookie = await staffCookie(t.app, 'editor');
    const staff = (method: 'GET' | 'PUT' | 'DELETE', path: string) =>
      t.app.inject({ method, url: `/api/staff/lessons/${path}`, headers: { cookie } });

    expect((await t.app.inject({ method: 'GET', url: `/api/staff/lessons/${lesson.code}` })).statusCode).toBe(
      401,
    );
    const found = await staff('GET', lesson.code.toLowerCase());
    expect(found.json()).toMatchObject({ code: lesson.code, notes: ['Em nghe thấy gì?'], takenDownAt: null });

    expect((await staff('PUT', `${lesson.code}/takedown`)).json().takenDownAt).not.toBeNull();
    const pupil = await as.get(`/api/lessons/${lesson.code}`, { 'accept-language': 'vi' });
    expect(pupil.statusCode).toBe(410);
    expect(pupil.json().code).toBe('lesson_taken_down');
    expect(pupil.body).not.toContain('Em nghe thấy gì?');
    expect(pupil.body).not.toContain('Nhạc cụ');
    expect((await as.get(`/api/lessons/${lesson.code}/qr.svg`)).statusCode).toBe(410);
    const page = await as.get(`/l/${lesson.code}`);
    expect(page.statusCode).toBe(410);
    expect(page.body).not.toContain('Nhạc cụ');

    expect((await staff('DELETE', `${lesson.code}/takedown`)).json().takenDownAt).toBeNull();
    expect((await as.get(`/api/lessons/${lesson.code}`)).statusCode).toBe(200);
  });

  it('leaves out an item whose film is unpublished', async () => {
    const as = fromAddress(t.app, '10.5.0.2');
    const { lesson } = (await as.create(lessonInput(films))).json();
    const second = t.app.repos.artifacts.bySlug(films[1] as string);
    t.app.repos.artifacts.setStatus(second?.id as number, 'draft');
    try {
      const body = (await as.get(`/api/lessons/${lesson.code}`)).json();
      expect(body.items.map((i: { artifact: { slug: string } }) => i.artifact.slug)).toEqual([
        films[0],
        films[2],
      ]);
      expect(body.hiddenItems).toBe(1);
    } finally {
      t.app.repos.artifacts.setStatus(second?.id as number, 'published');
    }
  });
});

describe('teacher text in the page the server sends', () => {
  it('is escaped in <head>, and the page is noindex', async () => {
    const hostile = '</title><script>alert(1)</script><style>body{display:none}</style>"\'&';
    const as = fromAddress(t.app, '10.6.0.1');
    const { lesson } = (
      await as.create(lessonInput([t.ready], { title: hostile, teacherName: '<b>Thầy</b>' }))
    ).json();
    const res = await as.get(`/l/${lesson.code}`, { accept: 'text/html' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toContain('<style>body');
    expect(res.body).not.toContain('<b>Thầy');
    const doc = parseDocument(res.body);
    const title = DomUtils.textContent(DomUtils.findAll((e) => e.name === 'title', doc.children));
    expect(title.startsWith(hostile)).toBe(true);
    const metas = DomUtils.findAll((e) => e.name === 'meta', doc.children);
    expect(metas.find((m) => m.attribs.name === 'robots')?.attribs.content).toBe('noindex, nofollow');
    expect(metas.find((m) => m.attribs.property === 'og:title')?.attribs.content).toBe(hostile);
    for (const path of [
      '/join',
      '/lessons/new',
      `/lessons/${lesson.code}/edit`,
      `/l/${lesson.code}/print`,
      `/l/${lesson.code}/present`,
    ]) {
      const page = await as.get(path, { accept: 'text/html' });
      expect(page.statusCode, path).toBe(200);
      expect(page.headers['x-robots-tag'], path).toBe('noindex, nofollow');
      // Each names its twin in the other language.
      const twins = DomUtils.findAll(
        (e) => e.name === 'link' && !!e.attribs.hreflang,
        parseDocument(page.body).children,
      );
      expect(
        Object.fromEntries(
          twins.map((l) => [l.attribs.hreflang, new URL(l.attribs.href as string).pathname]),
        ),
        path,
      ).toEqual({
        vi: path,
        en: `/en${path}`,
        'x-default': path,
      });
    }
    expect((await as.get('/l/BCD999/present', { accept: 'text/html' })).statusCode).toBe(404);
  });
});

describe('lessons stay out of what is listed', () => {
  it('are not in the sitemap, nor in search', async () => {
    const as = fromAddress(t.app, '10.7.0.1');
    const { lesson } = (await as.create(lessonInput([t.ready], { title: 'Zyxwvut riêng của lớp' }))).json();
    await t.app.searchSync.drain();
    const sitemap = (await as.get('/sitemap.xml')).body;
    expect(sitemap).not.toContain('/l/');
    expect(sitemap).not.toContain(lesson.code);
    const search = (await as.get('/api/search?q=Zyxwvut')).json();
    expect(search.total).toBe(0);
  });
});

describe('QR codes', () => {
  it('for the class link and for each item at its excerpt', async () => {
    const as = fromAddress(t.app, '10.8.0.1');
    const { lesson } = (await as.create(lessonInput(films))).json();
    const whole = await as.get(`/api/lessons/${lesson.code}/qr.svg`);
    expect(whole.statusCode).toBe(200);
    expect(whole.headers['content-type']).toMatch(/^image\/svg\+xml/);
    const item = await as.get(`/api/lessons/${lesson.code}/items/1/qr.svg`);
    expect(item.statusCode).toBe(200);
    expect(item.body).not.toBe(whole.body);
    expect((await as.get(`/api/lessons/${lesson.code}/items/9/qr.svg`)).statusCode).toBe(404);
  });
});
