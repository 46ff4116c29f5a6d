import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, openPage, PHONE } from './support/browser.ts';
import { attachClip, createArtifact, siteClip } from './support/publish.ts';
import { useSiteAndBrowser } from './support/site-browser.ts';

// A lesson and an exhibition saved for offline use on a phone, in a real browser against the real site: the size
// before saving, the space used after, the network cut (CDP), the page reloaded and a film played from the device,
// then removed. Each test runs alone: npx vitest run --project web test/offline-lesson.test.ts.
const FILMS = [
  { slug: 'offline-khen', vi: 'Khèn ngoại tuyến', en: 'Offline khèn', hue: 30 },
  { slug: 'offline-cong', vi: 'Cồng ngoại tuyến', en: 'Offline gong', hue: 200 },
] as const;
const EXHIBITION = 'trien-lam-ngoai-tuyen';
const VI_CAPTIONS = join(import.meta.dirname, '../../fixtures/captions/khen-hmong.vi.vtt');

const env = useSiteAndBrowser();
let published: Promise<void> | undefined;

/** Two published films (the first with captions) and an exhibition of both, made on first use. */
const ready = () =>
  (published ??= (async () => {
    const ids: number[] = [];
    for (const film of FILMS) {
      const record = createArtifact(env.site, film.slug, {
        title: { vi: film.vi, en: film.en },
        status: 'published',
      });
      const clip = await siteClip(env.site, film.slug, {
        durationSec: 8,
        width: 480,
        height: 270,
        fps: 25,
        audio: true,
        hue: film.hue,
      });
      await attachClip(env.site, record.id, clip, film === FILMS[0] ? { vi: VI_CAPTIONS } : {});
      ids.push(record.id);
    }
    env.site.app.repos.exhibitions.create(
      {
        slug: EXHIBITION,
        title: { vi: 'Triển lãm không cần mạng', en: 'An offline exhibition' },
        intro: { vi: 'Hai phim.', en: 'Two films.' },
        coverArtifactId: ids[0] as number,
        items: ids.map((artifactId, i) => ({
          artifactId,
          startSec: i === 0 ? 1 : 0,
          endSec: i === 0 ? 6 : null,
          text: { vi: `Mục ${i + 1}`, en: `Item ${i + 1}` },
        })),
      },
      'published',
    );
  })());

/** A lesson made through the api as the builder makes it: an excerpt with a question, then a whole film. */
async function makeLesson(): Promise<{ code: string; token: string }> {
  await ready();
  const res = await env.site.app.inject({
    method: 'POST',
    url: '/api/lessons',
    payload: {
      title: 'Bài học không cần mạng',
      teacherName: 'Cô Lan',
      lang: 'vi',
      items: [
        { artifact: FILMS[0].slug, start: 2, end: 6, note: 'Tiếng khèn giống tiếng gì?' },
        { artifact: FILMS[1].slug, note: '' },
      ],
    },
  });
  expect(res.statusCode).toBe(201);
  return { code: res.json().lesson.code, token: res.json().editToken };
}

async function phone(path: string): Promise<{ page: Page; context: BrowserContext }> {
  await ready();
  const context = await env.newContext(PHONE);
  const page = await context.newPage();
  await openPage(page, new URL(path, env.site.url).href);
  return { page, context };
}

/** The saved caches and the MP4 files each holds. */
const savedMp4s = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      if (!name.startsWith('offline:')) continue;
      const keys = await (await caches.open(name)).keys();
      out[name.replace(/@\d+$/, '')] = keys
        .map((r) => new URL(r.url).pathname)
        .filter((p) => p.endsWith('.mp4'))
        .sort();
    }
    return out;
  });

/** The films' MP4 URLs and their total size, as the api gives them. */
async function mp4s(page: Page, dataUrl: string): Promise<{ urls: string[]; bytes: number }> {
  const items = await page.evaluate(
    async (url) =>
      (
        (await (await fetch(url)).json()) as {
          items: { video: { progressive: { url: string; bytes: number } } }[];
        }
      ).items,
    dataUrl,
  );
  const files = items.map((i) => i.video.progressive);
  return { urls: files.map((f) => f.url).sort(), bytes: files.reduce((n, f) => n + f.bytes, 0) };
}

/** "khoảng 1,2 MB" → 1.2 */
const megabytes = (text: string | null) => Number(text?.match(/([\d,]+) MB/)?.[1]?.replace(',', '.'));

/** Asks, checks the size shown against the films' MP4s, saves, and waits for "saved" with the space used. */
async function saveShowingSize(page: Page, button: string, films: { bytes: number }) {
  // Its long label wraps on a 360-pixel phone rather than widening the page.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('button', { name: button }).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize(PHONE.viewport);
  await page.getByRole('button', { name: button }).click();
  const confirm = page.getByText(/2 phim của .* khoảng [\d,]+ MB/);
  await confirm.waitFor();
  // The MP4s are most of it; the site's code adds a little.
  expect(megabytes(await confirm.textContent())).toBeGreaterThanOrEqual(Math.floor(films.bytes / 1e5) / 10);
  await page.getByRole('button', { name: /^Lưu \(/ }).click();
  await page.getByText(/Đã lưu trên thiết bị này lúc \d\d:\d\d ngày/).waitFor({ timeout: 120_000 });
  const space = page.getByText(/Trang này đang dùng [\d,]+ MB bộ nhớ/);
  expect(megabytes(await space.textContent())).toBeGreaterThanOrEqual(Math.floor(films.bytes / 1e5) / 10);
}

const playedTime = (page: Page, selector = 'video') =>
  page.locator(selector).evaluate((v: HTMLVideoElement) => v.currentTime);

describe('a lesson saved for offline use', () => {
  it('shows its size, saves, then opens and plays with the network off; removing it keeps a film saved alone', async () => {
    const { code } = await makeLesson();
    // One of its films was saved alone before, from its own page: the two copies must not break each other.
    const { page, context } = await phone(`/artifacts/${FILMS[0].slug}`);
    await page.getByRole('button', { name: 'Lưu để xem không cần mạng' }).click();
    await page.getByRole('button', { name: /^Lưu \(/ }).click();
    await page.getByText(/Đã lưu trên thiết bị này/).waitFor({ timeout: 60_000 });

    await openPage(page, new URL(`/l/${code}`, env.site.url).href);
    const films = await mp4s(page, `/api/lessons/${code}`);
    await saveShowingSize(page, 'Lưu bài học để xem không cần mạng', films);
    expect((await savedMp4s(page))[`offline:lesson:${code}`]).toEqual(films.urls);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Bài học không cần mạng' }).waitFor();
    // The question shows beside the lesson's own player and under its item in the list.
    expect(await page.getByText('Tiếng khèn giống tiếng gì?').count()).toBe(2);
    expect(await page.getByText('Tiếng khèn giống tiếng gì?').first().isVisible()).toBe(true);
    // A pupil taps the first film: its page opens from the device and the excerpt plays from 0:02.
    await page.getByRole('link', { name: new RegExp(FILMS[0].vi) }).click();
    await page.getByRole('heading', { level: 1, name: FILMS[0].vi }).waitFor();
    await page
      .locator('.player')
      .getByRole('button', { name: /^(Phát|Play)$/ })
      .first()
      .click();
    await expect.poll(() => playedTime(page), { timeout: 30_000 }).toBeGreaterThan(2.5);
    expect(await page.locator('video').evaluate((v: HTMLVideoElement) => v.currentSrc)).toMatch(/\.mp4$/);
    // Classroom mode's page is not saved itself: the worker answers with the app shell, and its data is saved.
    const present = await page.goto(new URL(`/l/${code}/present`, env.site.url).href);
    expect(present?.status()).toBe(200);
    await page.locator('main').waitFor();
    expect(await page.evaluate(async (url) => (await fetch(url)).status, `/api/lessons/${code}`)).toBe(200);

    await context.setOffline(false);
    await openPage(page, new URL(`/l/${code}`, env.site.url).href);
    await page.getByRole('button', { name: 'Xoá bản đã lưu' }).click();
    await page.getByRole('button', { name: 'Lưu bài học để xem không cần mạng' }).waitFor();
    // The lesson's copy is gone; the film saved alone still has its MP4.
    const alone = await page.evaluate(
      async (url) => ((await (await fetch(url)).json()) as { video: { progressive: { url: string } } }).video,
      `/api/artifacts/${FILMS[0].slug}`,
    );
    expect(await savedMp4s(page)).toEqual({ [`offline:film:${FILMS[0].slug}`]: [alone.progressive.url] });
  });

  it('says when it was saved, and that the teacher changed it since; saving again takes the change', async () => {
    const { code, token } = await makeLesson();
    const { page, context } = await phone(`/l/${code}`);
    await page.getByRole('button', { name: 'Lưu bài học để xem không cần mạng' }).click();
    await page.getByRole('button', { name: /^Lưu \(/ }).click();
    await page.getByText(/Đã lưu trên thiết bị này lúc/).waitFor({ timeout: 120_000 });

    const changed = await env.site.app.inject({
      method: 'PUT',
      url: `/api/lessons/${code}`,
      headers: { authorization: `Bearer ${token}` },
      payload: {
        title: 'Bài học đã sửa',
        teacherName: 'Cô Lan',
        lang: 'vi',
        items: [{ artifact: FILMS[1].slug, note: 'Câu hỏi mới' }],
      },
    });
    expect(changed.statusCode).toBe(200);
    await page.reload();
    await page.getByText('Trang này đã thay đổi sau lần lưu đó').waitFor();
    await page.getByRole('button', { name: 'Cập nhật bản đã lưu' }).click();
    await page.getByRole('button', { name: /^Lưu \(/ }).click();
    await page.getByText(/Đã lưu trên thiết bị này lúc/).waitFor({ timeout: 120_000 });
    expect(await page.getByText('Trang này đã thay đổi sau lần lưu đó').count()).toBe(0);
    // One copy, the new one: the film taken out of the lesson is no longer kept for it.
    const films = await mp4s(page, `/api/lessons/${code}`);
    expect(await savedMp4s(page)).toEqual({ [`offline:lesson:${code}`]: films.urls });

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Bài học đã sửa' }).waitFor();
    expect(await page.locator('.items').getByText('Câu hỏi mới').isVisible()).toBe(true);
  });
});

describe('a lesson with a film made before MP4s existed', () => {
  it('says which film cannot be saved, and saves the others', async () => {
    const { code } = await makeLesson();
    const context = await env.newContext(PHONE);
    // The api as it answers for an old version of the second film: no MP4 (the rest of the site is real).
    await context.route(`**/api/lessons/${code}`, async (route) => {
      const response = await route.fetch();
      const lesson = await response.json();
      delete lesson.items[1].video.progressive;
      await route.fulfill({ response, json: lesson });
    });
    const page = await context.newPage();
    await openPage(page, new URL(`/l/${code}`, env.site.url).href);
    await page.getByText(`Không lưu được 1 phim`).waitFor();
    expect(await page.getByText(/Không lưu được 1 phim/).textContent()).toContain(FILMS[1].vi);
    await page.getByRole('button', { name: 'Lưu bài học để xem không cần mạng' }).click();
    await page.getByText(/1 phim của bài học/).waitFor();
    await page.getByRole('button', { name: /^Lưu \(/ }).click();
    await page.getByText(/Đã lưu trên thiết bị này lúc/).waitFor({ timeout: 120_000 });
    const saved = Object.values(await savedMp4s(page));
    expect(saved.flat()).toHaveLength(1);
  });
});

describe('an exhibition saved for offline use', () => {
  it('shows its size, saves, then plays in its own page with the network off, and can be removed', async () => {
    const { page, context } = await phone(`/exhibitions/${EXHIBITION}`);
    const films = await mp4s(page, `/api/exhibitions/${EXHIBITION}`);
    await saveShowingSize(page, 'Lưu triển lãm để xem không cần mạng', films);
    expect(await savedMp4s(page)).toEqual({ [`offline:exhibition:${EXHIBITION}`]: films.urls });
    await expectAccessible(page);
    // The English twin is the same saved copy, said in English.
    await openPage(page, new URL(`/en/exhibitions/${EXHIBITION}`, env.site.url).href);
    await page.getByText(/^Saved on this device on \d+ \w+ \d{4} at \d\d:\d\d/).waitFor();
    await expectAccessible(page);
    await openPage(page, new URL(`/exhibitions/${EXHIBITION}`, env.site.url).href);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Triển lãm không cần mạng' }).waitFor();
    await page.getByRole('button', { name: 'Xem mục 1' }).click();
    await page
      .locator('.play-all .player')
      .getByRole('button', { name: /^(Phát|Play)$/ })
      .first()
      .click();
    // The first item is the excerpt from 0:01.
    await expect.poll(() => playedTime(page, '.play-all video'), { timeout: 30_000 }).toBeGreaterThan(1.5);
    expect(await page.locator('.play-all video').evaluate((v: HTMLVideoElement) => v.currentSrc)).toMatch(
      /\.mp4$/,
    );

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Xoá bản đã lưu' }).click();
    await page.getByRole('button', { name: 'Lưu triển lãm để xem không cần mạng' }).waitFor();
    expect(await savedMp4s(page)).toEqual({});
  });
});
