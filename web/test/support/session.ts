import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type RunningSite, startSite } from './app.ts';

/**
 * The site and a browser for a test file (started in its beforeAll, stopped in its afterAll), and one
 * browser context per test, closed after it: `session.site`, `await session.context(options)`.
 */
export function useSiteAndBrowser() {
  const session = {} as { site: RunningSite; browser: Browser; current?: BrowserContext };
  beforeAll(async () => {
    [session.site, session.browser] = await Promise.all([startSite(), launchChromium()]);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.site?.close();
  });
  afterEach(async () => {
    await session.current?.close();
    session.current = undefined;
  });
  return {
    get site(): RunningSite {
      return session.site;
    },
    async context(options: BrowserContextOptions = {}): Promise<BrowserContext> {
      await session.current?.close();
      session.current = await session.browser.newContext(options);
      return session.current;
    },
  };
}
