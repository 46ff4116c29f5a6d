import type { Browser, BrowserContext } from 'playwright-core';
import type { RunningSite } from './app.ts';

/**
 * A browser context signed in as the site's admin through the api: for tests about what staff do once signed
 * in (signing in through the form is a test of its own).
 */
export async function signedInContext(
  browser: Browser,
  site: RunningSite,
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  const answer = await context.request.post(new URL('/api/staff/login', site.url).href, {
    data: { email: site.staff.email, password: site.staff.password },
  });
  if (answer.status() !== 200) throw new Error(`signing in answered ${answer.status()}`);
  return context;
}
