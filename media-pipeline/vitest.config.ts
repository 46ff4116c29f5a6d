import { defineConfig } from 'vitest/config';

// Real ffmpeg runs here: generous timeouts, and at most two files at once on a two-core machine.
export default defineConfig({
  test: {
    name: 'media-pipeline',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
