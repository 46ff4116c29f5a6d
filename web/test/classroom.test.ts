import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  collectProblems,
  expectAccessible,
  openPage,
  PHONE,
  screenshot,
  videoState,
} from './support/browser.ts';
import { attachClip, createArtifact, siteClip } from './support/publish.ts';
import { useSiteAndBrowser } from './support/site-browser.ts';

// Classroom mode (issue 11), as a teacher uses it: a lesson built in the builder, joined by a pupil on a phone
// by its code, then shown on a 1280×720 projector and driven by the keyboard alone; an exhibition shown the same
// way moves on by itself. One real 12 s clip with Vietnamese captions serves every item.
const FILM = { slug: 'khen-classroom', title: "Khèn H'Mông (khen-classroom)" };
const Q1 = 'Tiếng khèn giống tiếng gì?';
const Q2 = 'Người thổi khèn đứng hay ngồi?';
const EXHIBITION = 'lop-hoc-chieu-thu';
const PROJECTOR = { viewport: { width: 1280, height: 720 } };

const env = useSiteAndBrowser();
let artifactId: number;

function captions(): string {
  const stamp = (s: number) => `00:00:${s.toFixed(3).padStart(6, '0')}`;
  const cues = Array.from({ length: 12 }, (_, i) => `${stamp(i)} --> ${stamp(i + 1)}\nCâu số ${i + 1}`);
  return `WEBVTT\n\n${cues.join('\n\n')}\n`;
}

beforeAll(async () => {
  const vi = join(env.site.dataDir, 'classroom.vi.vtt');
  writeFileSync(vi, captions());
  const record = createArtifact(env.site, FILM.slug, { status: 'published', featured: true });
  artifactId = record.id;
  const clip = await siteClip(env.site, FILM.slug, {
    durationSec: 12,
    width: 640,
    height: 360,
    fps: 25,
    audio: true,
  });
  await attachClip(env.site, record.id, clip, { vi });
  await env.site.app.searchSync.drain();
}, 300_000);

const url = (path: string) => new URL(path, env.site.url).href;
const time = (page: Page) => videoState(page).then((v) => v.currentTime);
const position = (page: Page) => page.locator('.classroom .position').textContent();

/**
 * The caption size the page's styles give the player's cues: the browser draws <track> captions itself and
 * reports no computed style for ::cue, so this finds the ::cue rule that applies to the classroom view.
 */
const cueSize = (page: Page) =>
  page.locator('.classroom').evaluate((room) => {
    const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]) as CSSStyleRule[];
    const rule = rules.find(
      (r) =>
        r.selectorText?.endsWith('video::cue') && room.matches(r.selectorText.replace(/\s*video::cue$/, '')),
    );
    return rule?.style.fontSize;
  });

/** Every link in the classroom view: only the way back may be there. */
const links = (page: Page) =>
  page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

/** Built in the builder as a teacher does: two excerpts of the film, each with a question. */
async function buildLesson(page: Page): Promise<string> {
  await openPage(page, url('/'));
  await page.getByRole('link', { name: 'Tạo bài học' }).click();
  await page.getByLabel('Tên bài học').fill('Nghe khèn');
  await page.getByRole('button', { name: `Thêm: ${FILM.title}` }).click();
  await page.getByRole('button', { name: `Thêm: ${FILM.title}` }).click();
  const parts = [
    ['0:02', '6', Q1],
    ['7', '11', Q2],
  ] as const;
  for (const [i, [start, end, note]] of parts.entries()) {
    await page.getByLabel('Bắt đầu').nth(i).fill(start);
    await page.getByLabel('Kết thúc').nth(i).fill(end);
    await page.getByLabel('Câu hỏi hoặc ghi chú cho học sinh').nth(i).fill(note);
  }
  await page.getByRole('button', { name: 'Lưu bài học' }).click();
  await page.getByRole('heading', { name: 'Đã lưu bài học' }).waitFor();
  const shown = (await page.getByTestId('class-code').textContent())?.trim() ?? '';
  return shown.replace('-', '');
}

describe('classroom mode', () => {
  it('a teacher builds a lesson, a pupil joins by code on a phone, the class watches it by keyboard alone', async () => {
    const teacher = await env.newContext({ viewport: { width: 1280, height: 900 } });
    const code = await buildLesson(await teacher.newPage());
    expect(code).toMatch(/^[2-9A-Z]{6}$/);

    // A pupil types the code on a phone and plays the first excerpt in the lesson page, its question beside it.
    const phone = await env.browser.newContext(PHONE);
    try {
      const pupil = await phone.newPage();
      const pupilProblems = collectProblems(pupil);
      await openPage(pupil, url('/join'));
      await pupil.getByLabel('Mã lớp').fill(`${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`);
      await pupil.getByRole('button', { name: 'Vào bài học' }).click();
      await pupil.waitForURL(new RegExp(`/l/${code}$`));
      const player = pupil.getByRole('region', { name: 'Xem phim của bài học' });
      await player.locator('.teacher-note').getByText(Q1).waitFor();
      await player.getByRole('button', { name: 'Phát' }).first().click();
      await expect.poll(() => time(pupil), { timeout: 30_000 }).toBeGreaterThan(2);
      expect(await time(pupil)).toBeLessThan(6.5);
      expect(await pupil.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(pupil, 'classroom-pupil-phone');
      expect(pupilProblems).toEqual([]);
    } finally {
      await phone.close();
    }

    // On the projector: classroom mode, opened and driven by the keyboard alone.
    const page = await (await env.browser.newContext(PROJECTOR)).newPage();
    const problems = collectProblems(page);
    await openPage(page, url(`/l/${code}`));
    await page.getByRole('link', { name: 'Chế độ lớp học' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/l/${code}/present$`));
    await page.locator('.classroom .teacher-note').getByText(Q1).waitFor();
    expect(await position(page)).toBe('1 / 2');
    expect(await page.locator('.site-header, .site-footer').count()).toBe(0);
    expect(await links(page)).toEqual([`/l/${code}`]);

    await page.keyboard.press(' ');
    await expect.poll(() => time(page), { timeout: 30_000 }).toBeGreaterThan(2);
    const playing = await videoState(page);
    expect(playing.paused).toBe(false);
    // Captions on, at twice the player's size; "+" makes them larger, and the size is remembered.
    expect(playing.captions).toBe('vi');
    const room = page.locator('.classroom');
    expect(await room.getAttribute('data-caption-scale')).toBe('2');
    expect(await cueSize(page)).toBe('200%');
    await page.keyboard.press('+');
    expect(await room.getAttribute('data-caption-scale')).toBe('2.5');
    expect(await page.evaluate(() => localStorage.getItem('classroom.captionScale'))).toBe('2.5');
    expect(await cueSize(page)).toBe('250%');
    // The transcript stands large beside the film.
    const film = await page.locator('.classroom video').boundingBox();
    const transcript = await page.locator('.classroom .transcript').boundingBox();
    expect(transcript && film && transcript.x >= film.x + film.width).toBe(true);
    await screenshot(page, 'classroom-lesson-projector');

    // PageDown: the second item, its question, its excerpt playing by itself.
    await page.keyboard.press('PageDown');
    await expect.poll(() => position(page)).toBe('2 / 2');
    await page.locator('.classroom .teacher-note').getByText(Q2).waitFor();
    expect(await page.getByText(Q1).count()).toBe(0);
    await expect.poll(() => time(page), { timeout: 30_000 }).toBeGreaterThan(7);
    expect((await videoState(page)).paused).toBe(false);

    // PageUp: back to the first, from its excerpt's start.
    await page.keyboard.press('PageUp');
    await expect.poll(() => position(page)).toBe('1 / 2');
    await page.locator('.classroom .teacher-note').getByText(Q1).waitFor();
    await expect.poll(() => time(page), { timeout: 30_000 }).toBeGreaterThan(2);
    expect(await time(page)).toBeLessThan(6.5);

    // B blanks the screen and pauses; any key brings the picture back.
    await page.keyboard.press('b');
    await page.locator('.classroom .blank').waitFor();
    expect((await videoState(page)).paused).toBe(true);
    await page.keyboard.press('x');
    await page.locator('.classroom .blank').waitFor({ state: 'detached' });

    // F: full screen; the first Escape leaves it, the second leaves classroom mode for the lesson page.
    const full = () => page.evaluate(() => document.fullscreenElement?.className ?? null);
    await page.keyboard.press('f');
    await expect.poll(full).toMatch(/classroom/);
    await page.keyboard.press('Escape');
    await expect.poll(full).toBeNull();
    expect(new URL(page.url()).pathname).toBe(`/l/${code}/present`);
    await page.keyboard.press('Escape');
    await page.waitForURL(new RegExp(`/l/${code}$`));
    await page.getByRole('heading', { level: 1, name: 'Nghe khèn' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('plays an exhibition through: the second item starts when the first excerpt ends, then a quiet end', async () => {
    env.site.app.repos.exhibitions.create(
      {
        slug: EXHIBITION,
        title: { vi: 'Lớp học chiếu thử', en: 'A classroom test' },
        intro: { vi: 'Hai đoạn.', en: 'Two excerpts.' },
        coverArtifactId: artifactId,
        items: [
          { artifactId, startSec: 1, endSec: 3.5, text: { vi: 'Mục một', en: 'Item one' } },
          { artifactId, startSec: 5, endSec: 7.5, text: { vi: 'Mục hai', en: 'Item two' } },
        ],
      },
      'published',
    );
    const page = await (await env.newContext(PROJECTOR)).newPage();
    const problems = collectProblems(page);
    await openPage(page, url(`/exhibitions/${EXHIBITION}/present`));
    await page.getByText('Mục một').waitFor();
    await page.keyboard.press(' ');
    await expect.poll(() => position(page), { timeout: 30_000 }).toBe('2 / 2');
    await page.getByText('Mục hai').waitFor();
    await expect.poll(() => time(page), { timeout: 30_000 }).toBeGreaterThan(5);
    await page.getByText('Hết triển lãm').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Xem lại từ đầu' }).waitFor();
    expect(await time(page)).toBeLessThan(8.5);
    // No next clip, no link out: only the way back.
    expect(await links(page)).toEqual([`/exhibitions/${EXHIBITION}`]);
    await screenshot(page, 'classroom-exhibition-end');
    expect(problems).toEqual([]);
  });

  it('is accessible in Vietnamese and English', async () => {
    const res = await env.site.app.inject({
      method: 'POST',
      url: '/api/lessons',
      payload: {
        title: 'Bài cho axe',
        teacherName: '',
        lang: 'vi',
        items: [{ artifact: FILM.slug, start: 2, end: 6, note: Q1 }],
      },
    });
    const code = res.json().lesson.code as string;
    const page = await (await env.newContext(PROJECTOR)).newPage();
    for (const path of [`/l/${code}/present`, `/en/l/${code}/present`]) {
      await openPage(page, url(path));
      await page.locator('.classroom .teacher-note').waitFor();
      await page.locator('.classroom .transcript li').first().waitFor({ timeout: 30_000 });
      await expectAccessible(page);
    }
    await page.getByRole('button', { name: 'Larger captions' }).waitFor();

    // On a phone held upright, the words and the transcript go under the film, nothing wider than the screen.
    const phone = await (await env.browser.newContext(PHONE)).newPage();
    await openPage(phone, url(`/l/${code}/present`));
    await phone.locator('.classroom .transcript li').first().waitFor({ timeout: 30_000 });
    const film = await phone.locator('.classroom video').boundingBox();
    const words = await phone.locator('.classroom .teacher-note').boundingBox();
    expect(film && words && words.y >= film.y + film.height).toBe(true);
    const room = phone.locator('.classroom');
    expect(await room.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(phone, 'classroom-phone');
  });
});
