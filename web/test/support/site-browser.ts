import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type RunningSite, startSite } from './app.ts';

/**
 * The real site and one Chromium for a test file: started before its tests, stopped after them, with a fresh
 * browser context per test (closed after it, so no test sees another's cookies, storage or service worker).
 */
export function useSiteAndBrowser() {
  let site: RunningSite | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    [site, browser] = await Promise.all([startSite(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`${what} is not started: use it inside a test or a hook`);
    return value;
  };
  return {
    get site(): RunningSite {
      return started(site, 'the site');
    },
    get browser(): Browser {
      return started(browser, 'the browser');
    },
    /** This test's browser context. */
    async newContext(options?: BrowserContextOptions): Promise<BrowserContext> {
      context = await started(browser, 'the browser').newContext(options);
      return context;
    },
  };
}
