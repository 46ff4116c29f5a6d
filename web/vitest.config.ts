import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/build-web.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
