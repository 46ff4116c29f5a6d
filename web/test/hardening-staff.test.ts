import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSite, startSite } from './support/app.ts';
import { expectAccessible, openPage } from './support/browser.ts';
import { publishClip } from './support/publish.ts';

// Issue 12, staff correctness, in the browser (the API-level cases are in api/test/hardening-staff.test.ts).
let site: RunningSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A signed-in page (Vietnamese, the site's first language) on `path`. */
async function signedIn(path: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await openPage(page, new URL(`/staff/login?next=${encodeURIComponent(path)}`, site.url).href);
  await page.getByLabel('Email').fill(site.staff.email);
  await page.getByLabel('Mật khẩu').fill(site.staff.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname === path);
  return page;
}

let counter = 0;
function draft(story = { vi: 'Câu chuyện thử.', en: '' }) {
  counter += 1;
  return site.app.repos.artifacts.create({
    slug: `hardening-${counter}`,
    accessionNumber: `HARD-${counter}`,
    title: { vi: `Hiện vật thử ${counter}`, en: `Test artifact ${counter}` },
    story,
    category: 'textile',
    material: { vi: '', en: '' },
    region: { vi: '', en: '' },
    featured: false,
    ethnicGroups: ['hmong'],
  });
}

describe('issue 12: staff correctness in the browser', () => {
  it('item 13: a draft without a film is published only by ticking a box that says what visitors will see', async () => {
    const artifact = draft();
    const page = await signedIn(`/staff/artifacts/${artifact.id}`);
    const publish = page.getByRole('button', { name: 'Công bố', exact: true });
    await publish.waitFor();
    await page.getByText('Chưa có phim nào sẵn sàng để phát.').waitFor();
    expect(await publish.isDisabled()).toBe(true);

    const anyway = page.getByRole('checkbox', {
      name: /^Vẫn công bố khi chưa có phim: khách tham quan sẽ thấy/,
    });
    await anyway.check();
    await expectAccessible(page);
    await publish.click();
    await page.locator('.publish[data-status="published"]').waitFor();
    expect(site.app.repos.artifacts.byId(artifact.id)?.status).toBe('published');

    // The public page says there is no film, and offers no embed code for it.
    await openPage(page, new URL(`/artifacts/${artifact.slug}`, site.url).href);
    await page.getByText('Hiện vật này chưa có phim.').waitFor();
    expect(await page.locator('details.embed').count()).toBe(0);
    await page.close();
  });

  it('item 14: after a refused replacement, the editor and the dashboard show the film on show apart from the refusal', async () => {
    await publishClip(site, 'hardening-on-show', 2, { width: 320, height: 240 });
    const artifact = site.app.repos.artifacts.bySlug('hardening-on-show');
    if (!artifact) throw new Error('publishClip made no artifact');
    const page = await signedIn(`/staff/artifacts/${artifact.id}`);

    // A replacement that only claims to be a video.
    const bogus = join(site.dataDir, 'ban-moi.mp4');
    writeFileSync(bogus, Buffer.alloc(64 * 1024, 7));
    await page.locator('#clip-file').setInputFiles(bogus);
    await page.locator('.refused[role="alert"]').waitFor({ timeout: 60_000 });

    const status = page.locator('.video-status');
    await status.locator('.last-upload').waitFor();
    expect(await status.locator('.on-show').textContent()).toMatch(
      /Phim khách tham quan xem:\s*Sẵn sàng — hardening-on-show\.mp4/,
    );
    expect(await status.locator('.last-upload').textContent()).toMatch(
      /Lần tải lên mới nhất:\s*Không xử lý được — ban-moi\.mp4/,
    );
    // The film still plays in the editor's preview, as it does for visitors.
    await page.locator('.player').waitFor();

    await page.getByRole('link', { name: 'Bảng điều khiển' }).click();
    const cell = page.locator(`tr[data-artifact="${artifact.id}"] td.film`);
    await cell.waitFor();
    expect((await cell.textContent())?.trim()).toMatch(/^Sẵn sàng\s+Lần tải lên mới nhất: Không xử lý được$/);
    expect(await cell.locator('small.last-upload.failed').count()).toBe(1);
    await page.close();
  });
});
