import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = join(import.meta.dirname, '../../screenshots');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page and returns its serious and critical violations. The script goes in through
 * the DevTools protocol, so the site's CSP (no inline scripts) stays on for the test.
 */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe;
    type AxeResults = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }));
  });
}

/** A phone as the museum's visitors hold it: a 390×844 screen at twice the density, touch. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Console errors and CSP refusals a page produced: a healthy page has none. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    const text = msg.text();
    // Expected refusals the page handles itself: signed out (401) and a refused clip (422).
    if (/status of (401|422)/.test(text)) return;
    if (msg.type() === 'error' || /Content Security Policy|\[hls\] fatal/.test(text)) problems.push(text);
  });
  page.on('pageerror', (err) => problems.push(err.message));
  return problems;
}

/** The page's <video> state, for assertions about playback. */
export function videoState(page: Page) {
  return page.locator('video').evaluate((v: HTMLVideoElement) => {
    const showing = Array.from(v.textTracks).find((t) => t.mode === 'showing');
    return {
      currentTime: v.currentTime,
      paused: v.paused,
      muted: v.muted,
      volume: v.volume,
      videoHeight: v.videoHeight,
      captions: showing?.language ?? null,
      cues: showing?.cues?.length ?? 0,
    };
  });
}

/** No serious or critical axe violation, listed readably when there are some. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(', ')}`)).toEqual([]);
}

export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('main').first().waitFor();
}
