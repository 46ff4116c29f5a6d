import { defineConfig } from 'vitest/config';

// One run, one project per workspace: each project keeps its own timeouts and environment.
export default defineConfig({
  test: {
    projects: ['contracts', 'fixtures', 'media-pipeline', 'api', 'web'],
    // Vitest's default on two cores is one file at a time (cores − 1). Most files mostly wait (a browser playing
    // a throttled film, a child process starting, a server answering) and every file first spends seconds
    // importing: a second file at once fills those gaps. Not more: ffmpeg files want both cores each.
    maxWorkers: 2,
  },
});
