import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, never a downloaded browser; the flags keep it off the (closed) network. Playwright gives
 * each launch its own temporary profile (it refuses a --user-data-dir argument).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run scripts/system-deps.sh --browser ` +
        '(apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--autoplay-policy=no-user-gesture-required',
      // The museum's first audience: a Vietnamese browser, so a first visit stays on the Vietnamese pages
      // (the site follows the browser's language). Tests of other languages set their context's locale.
      '--accept-lang=vi-VN,vi',
    ],
  });
}
