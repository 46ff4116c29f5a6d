import { build } from 'vite';

/** vitest globalSetup: one production build of the web per test run; the browser tests serve it. */
export default async function setup(): Promise<void> {
  await build({ root: new URL('../..', import.meta.url).pathname, logLevel: 'warn' });
}
