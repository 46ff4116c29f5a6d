import { join } from 'node:path';
import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSite, startSite } from './support/app.ts';
import { collectProblems, expectAccessible, openPage, screenshot, videoState } from './support/browser.ts';
import { attachClip, createArtifact, siteClip } from './support/publish.ts';
import { signedInContext } from './support/staff.ts';

// The story the issue tells: staff publish a clip, then a visitor finds and watches it. Each step sets up what
// it needs (a signed-in browser, a draft, a ready film, a published artifact), so any one runs alone:
// npx vitest run --project web test/journey.test.ts -t "<name>".
const CAPTIONS = join(import.meta.dirname, '../../fixtures/captions');
const TITLE_VI = "Khèn H'Mông của nghệ nhân Giàng A Pó";
const TITLE_EN = 'Hmong khèn of master player Giàng A Pó';
const KHEN_CLIP = { durationSec: 10, width: 854, height: 480, fps: 25, audio: true, hue: 30 };

let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The test clip, made once per run in the site's upload folder. */
const khenClip = () => siteClip(site, 'khen-test', KHEN_CLIP, 'Khen');

let visitorArtifact: Promise<string> | undefined;
/**
 * The published artifact visitors find and watch: the clip with Vietnamese and English captions, transcoded.
 * Made on first use; every visitor test asks for it, so each runs alone.
 */
function publishedKhen(): Promise<string> {
  visitorArtifact ??= (async () => {
    const slug = 'khen-giang-a-po';
    const record = createArtifact(site, slug, {
      title: { vi: TITLE_VI, en: TITLE_EN },
      status: 'published',
    });
    await attachClip(site, record.id, await khenClip(), {
      vi: join(CAPTIONS, 'khen-hmong.vi.vtt'),
      en: join(CAPTIONS, 'khen-hmong.en.vtt'),
    });
    return slug;
  })();
  return visitorArtifact;
}

const open = (page: Page, path: string) => openPage(page, new URL(path, site.url).href);

describe('staff', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  /** A signed-in browser on `path`; the sign-in test makes its own, signed out. */
  async function signedInAt(path: string): Promise<void> {
    context = await signedInContext(browser, site);
    page = await context.newPage();
    problems = collectProblems(page);
    await open(page, path);
  }

  afterEach(async () => {
    await context?.close();
    expect(problems).toEqual([]);
  });

  it('signs in (sent to the login page first)', async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = collectProblems(page);
    await open(page, '/staff');
    await page.waitForURL(/\/staff\/login\?next=%2Fstaff$/);
    await page.getByLabel('Email').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff-login');

    await page.getByLabel('Email').fill(site.staff.email);
    await page.getByLabel('Mật khẩu').fill('wrong password!!');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('không đúng');

    await page.getByLabel('Mật khẩu').fill(site.staff.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/staff$/);
    await page.getByRole('heading', { name: 'Bảng điều khiển' }).waitFor();
    await page.locator('table tbody tr').first().waitFor();
    await expectAccessible(page);
  });

  it('creates an artifact', async () => {
    await signedInAt('/staff');
    await page.getByRole('link', { name: 'Thêm hiện vật' }).click();
    await page.waitForURL(/\/staff\/artifacts\/new$/);
    await page.locator('#title-vi').fill(TITLE_VI);
    await page.locator('#title-en').fill('Hmong khèn of master player Giàng A Pó');
    await page.locator('#accession').fill('BTDT-2026-TEST-01');
    await page.locator('#category').selectOption('musical-instrument');
    // The picker finds a group by any of its names, without diacritics: Mèo is an old name of the H'Mông.
    await page.getByLabel('Lọc dân tộc theo tên').fill('meo');
    await page.getByRole('checkbox', { name: /H'Mông/ }).check();
    await page.locator('#story-vi').fill('Cây **khèn** được làm từ sáu ống trúc.');
    await page.locator('#story-en').fill('The **khèn** is made of six bamboo pipes.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Tạo hiện vật' }).click();
    await page.waitForURL(/\/staff\/artifacts\/\d+$/);
    await page.getByRole('heading', { name: TITLE_VI }).waitFor();
    expect(await page.locator('#slug').inputValue()).toBe('khen-hmong-cua-nghe-nhan-giang-a-po');
  });

  it('is told clearly when a clip is refused', async () => {
    const draft = createArtifact(site, 'khen-refused');
    await signedInAt(`/staff/artifacts/${draft.id}`);
    // Dropped on the drop zone, as staff drag a file from their desktop: bytes that only claim to be a video.
    const dataTransfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(64 * 1024).fill(7)], 'not-a-video.mp4', { type: 'video/mp4' }));
      return dt;
    });
    await page.locator('.drop').dispatchEvent('drop', { dataTransfer });
    const alert = page.locator('.refused[role="alert"]');
    await alert.waitFor({ timeout: 60_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('Phim bị từ chối');
    // The server's own reason follows, not a bare status code.
    expect(text.replace('Phim bị từ chối:', '').trim().length).toBeGreaterThan(15);
  });

  it('uploads a clip and its captions, and watches processing reach ready', async () => {
    const clip = await khenClip();
    const draft = createArtifact(site, 'khen-upload');
    await signedInAt(`/staff/artifacts/${draft.id}`);
    // Record every state the video goes through, as the page shows it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const note = () => {
        const s = document.querySelector('.video-status')?.getAttribute('data-status');
        if (s && seen.at(-1) !== s) seen.push(s);
      };
      new MutationObserver(note).observe(document.body, { subtree: true, attributes: true, childList: true });
    });
    const uploadLanguages = new Set<string>();
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/staff/uploads'))
        uploadLanguages.add(r.headers()['accept-language'] ?? '');
    });
    await page.locator('#clip-file').setInputFiles(clip);
    await page.getByText('Đã tải lên. Phim đang được xử lý.').waitFor({ timeout: 60_000 });
    const upload = page.getByRole('progressbar', { name: 'Tiến độ tải lên' });
    expect(await upload.getAttribute('aria-valuenow')).toBe('100');

    await page.locator('#captions-vi').setInputFiles(join(CAPTIONS, 'khen-hmong.vi.vtt'));
    await page.getByText('Đã lưu “khen-hmong.vi.vtt”.').waitFor();
    await page.locator('#captions-en').setInputFiles(join(CAPTIONS, 'khen-hmong.en.vtt'));
    await page.getByText('Đã lưu “khen-hmong.en.vtt”.').waitFor();

    await page.locator('.video-status[data-status="ready"]').waitFor({ timeout: 180_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen.some((s) => s === 'queued' || s === 'processing')).toBe(true);
    expect(seen.at(-1)).toBe('ready');
    // "Processing" is over: the upload box says so no longer, and tus asked for Vietnamese answers.
    await page.getByText('Đã tải lên. Phim đang được xử lý.').waitFor({ state: 'detached' });
    expect([...uploadLanguages]).toEqual(['vi']);
    // Ready: the editor previews the draft with the real player.
    await page.locator('.player').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'staff-editor');
  });

  it('publishes', async () => {
    // A draft whose film is ready, as the upload above leaves it (a small clip: only the state matters here).
    const title = { vi: 'Khèn H’Mông chờ công bố', en: 'Hmong khèn waiting to be published' };
    const draft = createArtifact(site, 'khen-publish', { title });
    const clip = await siteClip(site, 'small', {
      durationSec: 2,
      width: 320,
      height: 240,
      fps: 25,
      audio: true,
    });
    await attachClip(site, draft.id, clip);
    await signedInAt(`/staff/artifacts/${draft.id}`);
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.locator('.publish[data-status="published"]').waitFor();
    await page.getByRole('link', { name: 'Bảng điều khiển' }).click();
    await page.locator(`tr:has-text("${title.vi}")`).getByText('Đã công bố').waitFor();
    await page.locator('.job.state-succeeded').first().waitFor();
    // Job changes arrive over Server-Sent Events.
    await page.getByText('trực tiếp', { exact: true }).waitFor();
    await screenshot(page, 'staff-dashboard');
  });
});

describe('visitor', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let slug: string;

  beforeEach(async () => {
    slug = await publishedKhen();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = collectProblems(page);
  });

  afterEach(async () => {
    await context?.close();
    expect(problems).toEqual([]);
  });

  /** A visitor who chose English on an earlier visit: the site remembers it in localStorage. */
  const rememberEnglish = () => context.addInitScript(() => localStorage.setItem('lang', 'en'));

  it('sees the home page with the 54 groups by language family', async () => {
    await open(page, '/');
    await page.getByRole('heading', { name: '54 dân tộc Việt Nam' }).waitFor();
    await page.locator('.family li').nth(53).waitFor();
    expect(await page.locator('.family li').count()).toBe(54);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await expectAccessible(page);
    await screenshot(page, 'home');
  });

  it('searches "hmong" without diacritics and finds the clip', async () => {
    await open(page, '/');
    await page.getByLabel('Tìm hiện vật, dân tộc, chất liệu…').fill('hmong');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=hmong$/);
    const hit = page.locator(`.hits h3 a[href="/artifacts/${slug}"]`);
    await hit.waitFor();
    expect(await page.locator('.hits mark').count()).toBeGreaterThan(0);
    // Typing refines the results with no button press; the URL follows.
    await page.locator('#search-q').fill('hmong khen');
    await page.waitForURL(/\/search\?q=hmong\+khen$/);
    await hit.waitFor();
    await page.locator('.facet').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'search');
    await hit.click();
    await page.waitForURL(new RegExp(`/artifacts/${slug}$`));
  });

  it('plays the clip with hls.js, then switches quality and captions', async () => {
    await open(page, `/artifacts/${slug}`);
    await page.getByRole('heading', { level: 1, name: TITLE_VI }).waitFor();
    await page.getByRole('button', { name: 'Phát' }).first().click();
    await expect
      .poll(async () => (await videoState(page)).currentTime, { timeout: 30_000 })
      .toBeGreaterThan(2);
    expect(await page.locator('.player').getAttribute('data-engine')).toBe('hls.js');

    await page.getByRole('button', { name: 'Chất lượng' }).click();
    const rungs = page.getByRole('menuitemradio');
    const labels = await rungs.allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(3); // auto + at least two rungs
    const lowest = labels.at(-1) as string;
    await rungs.last().click();
    const height = Number.parseInt(lowest, 10);
    await expect.poll(async () => (await videoState(page)).videoHeight, { timeout: 30_000 }).toBe(height);

    await page.getByRole('button', { name: 'Phụ đề' }).click();
    // On the Vietnamese site, Vietnamese captions come first (after "off").
    const captionItems = (await page.getByRole('menuitemradio').allTextContents()).map((s) => s.trim());
    expect(captionItems.slice(1)).toEqual(['Tiếng Việt', 'English']);
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await expect.poll(async () => (await videoState(page)).captions, { timeout: 20_000 }).toBe('en');
    await expect.poll(async () => (await videoState(page)).cues, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.locator('.player .badge.on').getByText('EN').waitFor();

    // Hovering the seek bar previews that moment from the storyboard sprite.
    const bar = page.locator('.player .seek');
    const box = (await bar.boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2);
    const thumb = page.locator('.player .preview .thumb');
    await thumb.waitFor();
    const sprite = await thumb.evaluate((el) =>
      getComputedStyle(el).backgroundImage.replace(/^url\("?|"?\)$/g, ''),
    );
    expect(sprite).toMatch(/\/storyboard\/.+\.jpg$/);
    expect(await page.evaluate(async (url) => (await fetch(url)).ok, sprite)).toBe(true);
    await page.mouse.move(0, 0);
    await thumb.waitFor({ state: 'detached' });
  });

  it('switches the site to English, and remembers it', async () => {
    await open(page, `/artifacts/${slug}`);
    await page.getByRole('heading', { level: 1, name: TITLE_VI }).waitFor();
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'About the artifact' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // The English twin of the page (language in the URL).
    expect(new URL(page.url()).pathname).toBe(`/en/artifacts/${slug}`);
    // The English title is shown where it exists.
    await page.getByRole('heading', { level: 1, name: TITLE_EN }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'About the artifact' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page);
    await screenshot(page, 'artifact');
  });

  it('works the player with the keyboard alone', async () => {
    await rememberEnglish();
    await open(page, `/artifacts/${slug}`);
    await page.locator('.player .cover').waitFor();
    // Tab from the top of the page until the player's play button has focus.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.closest('.cover') !== null)) break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Play');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await videoState(page)).currentTime, { timeout: 20_000 })
      .toBeGreaterThan(0.3);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await videoState(page)).currentTime).toBeGreaterThan(5);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => (await videoState(page)).currentTime).toBeLessThan(4);
    const before = (await videoState(page)).volume;
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await videoState(page)).volume).toBeLessThan(before);
    await page.keyboard.press('m');
    await expect.poll(async () => (await videoState(page)).muted).toBe(true);
    // Captions start on, in the page's language; C turns them off and on again.
    await expect.poll(async () => (await videoState(page)).captions).toBe('en');
    await page.keyboard.press('c');
    await expect.poll(async () => (await videoState(page)).captions).toBe(null);
    await page.keyboard.press('c');
    await expect.poll(async () => (await videoState(page)).captions).toBe('en');
    await page.keyboard.press(' ');
    await expect.poll(async () => (await videoState(page)).paused).toBe(true);
    // Focus stays visible: the focused control draws an outline.
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');

    // The quality menu opens, moves and chooses with keys, and gives focus back to its button.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent?.includes('Quality'))) break;
    }
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('menuitemradio');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(chosen).toMatch(/^\d+p$/);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup')))
      .toBe('menu');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain(chosen);
  });

  it('shows the ethnic group page with its clips', async () => {
    await rememberEnglish();
    await open(page, '/groups/hmong');
    await page.getByRole('heading', { level: 1, name: 'Hmong' }).waitFor();
    // English remembered: the page is the /en/ twin, and its links keep the language.
    await page.locator(`a[href="/en/artifacts/${slug}"]`).first().waitFor();
    await expectAccessible(page);
  });

  it('plays on the embed page', async () => {
    const embed = await browser.newPage({ viewport: { width: 640, height: 440 } });
    const embedProblems = collectProblems(embed);
    await embed.goto(new URL(`/embed/${slug}`, site.url).href);
    await embed.getByRole('button', { name: 'Phát' }).first().click();
    await expect
      .poll(async () => (await videoState(embed)).currentTime, { timeout: 30_000 })
      .toBeGreaterThan(1);
    expect(await embed.locator('header, footer').count()).toBe(0);
    await expectAccessible(embed);
    await screenshot(embed, 'embed');
    expect(embedProblems).toEqual([]);
    await embed.close();
  });
});
