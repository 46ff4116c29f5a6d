import { formatLessonCode } from '@artifact-stories/contracts/lesson-code';
import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSite, startSite } from './support/app.ts';
import { collectProblems, expectAccessible, openPage, PHONE, screenshot } from './support/browser.ts';
import { publishClip } from './support/publish.ts';
import { signedInContext } from './support/staff.ts';

// Lessons (issue 11): a teacher builds one without an account, pupils join by code on a phone, staff take
// one down. One real 12 s clip is the only film with a clip, so the builder offers it first.
const FILM = { slug: 'khen-lesson', title: "Khèn H'Mông (khen-lesson)" };
const QUESTION = 'Tiếng khèn giống tiếng gì? <b>thử</b>';

let site: RunningSite;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(), launchChromium()]);
  await publishClip(site, FILM.slug, 12);
  await site.app.searchSync.drain();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<[Page, string[]]> {
  const context = await browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  return [page, collectProblems(page)];
}

/** A lesson made through the api (as the builder would), for the tests that start from one. */
async function makeLesson(title = 'Âm thanh của khèn'): Promise<string> {
  const res = await site.app.inject({
    method: 'POST',
    url: '/api/lessons',
    payload: {
      title,
      teacherName: 'Cô Lan',
      lang: 'vi',
      items: [
        { artifact: FILM.slug, start: 2, end: 8, note: QUESTION },
        { artifact: FILM.slug, note: '' },
      ],
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().lesson.code;
}

const url = (path: string) => new URL(path, site.url).href;

describe('lessons in the browser', () => {
  it('a teacher builds a lesson with an excerpt and a question, and gets a code, a QR code and an edit link', async () => {
    const [page, problems] = await newPage({ viewport: { width: 1280, height: 900 } });
    await openPage(page, url('/lessons/new'));
    await page.getByLabel('Tên bài học').fill('Âm thanh của khèn');
    await page.getByLabel('Tên giáo viên (không bắt buộc)').fill('Cô Lan');
    await page.getByRole('button', { name: `Thêm: ${FILM.title}` }).click();
    await page.getByLabel('Bắt đầu').fill('0:02');
    // A wrong end is said at once, and nothing typed is lost.
    await page.getByLabel('Kết thúc').fill('40');
    await page.getByText('Phim chỉ dài 0:12.').waitFor();
    await page.getByLabel('Kết thúc').fill('8');
    await page.getByLabel('Câu hỏi hoặc ghi chú cho học sinh').fill(QUESTION);
    await page.getByRole('button', { name: 'Lưu bài học' }).click();

    await page.getByRole('heading', { name: 'Đã lưu bài học' }).waitFor();
    const shown = (await page.getByTestId('class-code').textContent())?.trim() ?? '';
    expect(shown).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/);
    const code = shown.replace('-', '');
    const editLink = await page.getByLabel('Đường dẫn chỉnh sửa riêng của bạn').inputValue();
    expect(editLink).toMatch(new RegExp(`/lessons/${code}/edit#token=.{20,}`));
    expect(
      await page
        .locator(`img[src="/api/lessons/${code}/qr.svg"]`)
        .evaluate((i: HTMLImageElement) => i.naturalWidth),
    ).toBeGreaterThan(0);
    const stored = (await site.app.inject({ url: `/api/lessons/${code}` })).json();
    expect(stored.items).toMatchObject([{ start: 2, end: 8, note: QUESTION }]);
    await expectAccessible(page);
    await screenshot(page, 'lesson-builder-saved');

    // The edit link opens the same lesson for editing; a change keeps the code.
    await openPage(page, editLink);
    await page.getByLabel('Tên bài học').fill('Âm thanh của khèn (sửa)');
    await page.getByRole('button', { name: 'Lưu bài học' }).click();
    await page.getByRole('heading', { name: 'Đã lưu bài học' }).waitFor();
    expect((await site.app.inject({ url: `/api/lessons/${code}` })).json().title).toBe(
      'Âm thanh của khèn (sửa)',
    );
    expect(problems).toEqual([]);
  });

  it('a pupil on a phone types the code, sees the teacher’s question and opens the film at the excerpt', async () => {
    const code = await makeLesson();
    const [page, problems] = await newPage(PHONE);
    await openPage(page, url('/'));
    await page.getByRole('link', { name: 'Vào bài học' }).click();
    const field = page.getByLabel('Mã lớp');
    await field.fill('abc-1o0');
    await page.getByRole('button', { name: 'Vào bài học' }).click();
    await page.getByRole('alert').getByText('Mã lớp gồm đúng 6 chữ và số').waitFor();
    expect(await field.inputValue()).toBe('abc-1o0');
    await field.fill('zzz-zzz');
    await page.getByRole('button', { name: 'Vào bài học' }).click();
    await page.getByRole('alert').getByText('Không có bài học nào mang mã «ZZZZZZ»').waitFor();
    expect(await field.inputValue()).toBe('zzz-zzz');
    problems.length = 0; // that 404 was the answer to the unknown code, shown above

    const typed = formatLessonCode(code).toLowerCase();
    await field.fill(typed);
    await page.getByRole('button', { name: 'Vào bài học' }).click();
    await page.waitForURL(new RegExp(`/l/${code}$`));
    await page.getByRole('heading', { level: 1, name: 'Âm thanh của khèn' }).waitFor();
    await page.getByText('Bài học do giáo viên Cô Lan soạn, không phải nội dung của bảo tàng.').waitFor();
    const note = page.locator('.teacher-note').first();
    expect(await note.locator('.label').textContent()).toBe('Câu hỏi của giáo viên');
    // The teacher's markup is text on the page, never an element.
    expect(await note.locator('.text').textContent()).toBe(QUESTION);
    expect(await note.locator('b').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'lesson-pupil-phone');

    await page.getByRole('link', { name: /Phim 1/ }).click();
    await page.waitForURL(new RegExp(`/artifacts/${FILM.slug}\\?t=2,8$`));
    await page.getByRole('heading', { level: 1, name: FILM.title }).waitFor();
    expect(problems).toEqual([]);
  });

  it('the lesson pages are accessible in Vietnamese and English', async () => {
    const code = await makeLesson();
    const [page] = await newPage({ viewport: { width: 1280, height: 900 } });
    for (const lang of ['vi', 'en']) {
      for (const path of ['/join', `/l/${code}`, `/l/${code}/print`, '/lessons/new']) {
        await openPage(page, url(`${path}?lang=${lang}`));
        await page.locator('h1').first().waitFor();
        await expectAccessible(page);
      }
    }
    await openPage(page, url(`/l/${code}?lang=en`));
    await page.getByText('Teacher’s note').first().waitFor();
  });

  it('prints the class code large and a QR code per item, without the site around it', async () => {
    const code = await makeLesson();
    const [page, problems] = await newPage({ viewport: { width: 1000, height: 1400 } });
    await openPage(page, url(`/l/${code}/print`));
    await page.locator('.item-qr').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() =>
      [...document.images].every((img) => img.complete && img.naturalWidth > 0),
    );
    expect(await page.locator('.big-code').textContent()).toBe(formatLessonCode(code));
    expect(await page.locator('img.class-qr').isVisible()).toBe(true);
    expect(await page.locator('img.item-qr').count()).toBe(2);
    for (const img of await page.locator('img.item-qr').all()) expect(await img.isVisible()).toBe(true);
    expect(await page.getByText(QUESTION).isVisible()).toBe(true);
    for (const chrome of ['.site-header', '.site-footer', '.skip-link', '.screen-only']) {
      expect(await page.locator(chrome).isVisible(), chrome).toBe(false);
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await screenshot(page, 'lesson-print');
    expect(problems).toEqual([]);
  });

  it('staff find a lesson by its code and take it down; pupils then see only that', async () => {
    const code = await makeLesson('Bài sẽ bị gỡ');
    const staff = await signedInContext(browser, site);
    contexts.push(staff);
    const page = await staff.newPage();
    await openPage(page, url('/staff/lessons'));
    await page.getByLabel('Mã lớp').fill(formatLessonCode(code).toLowerCase());
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('heading', { name: 'Bài sẽ bị gỡ' }).waitFor();
    await page.getByText(QUESTION).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Gỡ bài học' }).click();
    await page.getByRole('button', { name: 'Hiển thị lại' }).waitFor();

    const [pupil] = await newPage(PHONE);
    await openPage(pupil, url(`/l/${code}`));
    await pupil.getByRole('alert').getByText('Bảo tàng đã gỡ bài học này.').waitFor();
    expect(await pupil.getByText('Bài sẽ bị gỡ').count()).toBe(0);
    expect(await pupil.getByText(QUESTION).count()).toBe(0);
  });
});
