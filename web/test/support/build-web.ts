import { build } from 'vite';

/**
 * vitest globalSetup: one production build of the web per test run; the browser tests serve it. Two projects
 * use it (web, web-timing: vitest.config.ts) and their setups run in the same process: the second one reuses
 * the first one's build instead of writing web/dist again.
 */
export default async function setup(): Promise<void> {
  if (process.env.ARTIFACT_STORIES_WEB_BUILT === String(process.pid)) return;
  await build({ root: new URL('../..', import.meta.url).pathname, logLevel: 'warn' });
  process.env.ARTIFACT_STORIES_WEB_BUILT = String(process.pid);
}
