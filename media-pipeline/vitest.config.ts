import { defineConfig } from 'vitest/config';

// Real ffmpeg runs here: generous timeouts (the root config runs at most two files at once).
export default defineConfig({
  test: {
    name: 'media-pipeline',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
