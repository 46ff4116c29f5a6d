// Go-live walkthrough against a running server (empty DATA_DIR, SEED=none, PUBLIC_URL set) on :3999.
import { chromium } from 'playwright-core';

const base = process.env.BASE ?? 'http://127.0.0.1:3999';
const checks: [string, number, RegExp?][] = [
  ['/', 200, /<html lang="vi"/],
  ['/healthz', 200],
  ['/robots.txt', 200, /Sitemap: http:\/\/127\.0\.0\.1:3999\//],
  ['/sitemap.xml', 200, /<urlset/],
  ['/api/artifacts', 200, /"items":\[\]/],
  ['/api/search?q=khen', 200],
  ['/api/search?q=' + encodeURIComponent('<script>'), 200],
  ['/artifacts/khong-co', 404],
  ['/l/BCD234', 404],
  ['/l/BCD234/present', 404],
  ['/exhibitions/x/present', 404],
  ['/api/lessons/BCD234', 404],
  ['/media/x/y/master.m3u8', 404],
  ['/staff', 200],
  ['/api/staff/jobs', 401],
  ['/../../etc/passwd', 404],
];
let bad = 0;
for (const [path, want, re] of checks) {
  const r = await fetch(base + path, { redirect: 'manual' });
  const body = await r.text();
  const ok = r.status === want && (!re || re.test(body));
  if (!ok) bad++;
  console.log(ok ? 'ok ' : 'BAD', r.status, path, ok ? '' : body.slice(0, 200));
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
const problems: string[] = [];
page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
page.on('pageerror', (e) => problems.push(String(e)));
for (const path of ['/', '/search?q=khen', '/groups', '/l/BCD234/present', '/exhibitions/x/present', '/staff']) {
  await page.goto(base + path, { waitUntil: 'networkidle' });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const text = (await page.locator('main, body').first().innerText()).replace(/\s+/g, ' ').slice(0, 120);
  console.log(width > 360 ? 'WIDE' : 'ok ', width, path, '|', text);
  if (width > 360) bad++;
}
console.log('console problems:', problems.filter((p) => !/404|Failed to load resource/.test(p)));
await browser.close();
console.log(bad ? `${bad} problems` : 'all go-live checks passed');
