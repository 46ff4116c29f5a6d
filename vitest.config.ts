import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import web from './web/vitest.config.ts';

/**
 * Browser files that assert how playback waited (a stall counted once, the loading state shown exactly twice):
 * a second file encoding or playing beside them on two cores can starve the player into an extra stall, so
 * they run last, one at a time (project web-timing).
 */
const TIMING = ['test/playback-health.test.ts', 'test/slow-network.test.ts'];
/** The web's test config, with its one build (globalSetup) named from here so tools reading this file find it. */
const webTest = {
  ...web.test,
  globalSetup: [fileURLToPath(new URL('./web/test/support/build-web.ts', import.meta.url))],
};

// One run, one project per workspace: each project keeps its own timeouts and environment.
export default defineConfig({
  test: {
    projects: [
      'contracts',
      'fixtures',
      'media-pipeline',
      'api',
      // The web's own config twice, split by file (extends would add the include lists together).
      { root: './web', test: { ...webTest, exclude: [...configDefaults.exclude, ...TIMING] } },
      {
        root: './web',
        test: {
          ...webTest,
          name: 'web-timing',
          include: TIMING,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
    // Vitest's default on two cores is one file at a time (cores − 1). Most files mostly wait (a browser, a
    // child process starting, a server answering) and every file first spends seconds importing: a second
    // file at once fills those gaps. Not more: ffmpeg files want both cores each.
    maxWorkers: 2,
  },
});
