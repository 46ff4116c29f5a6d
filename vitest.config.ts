import { defineConfig } from 'vitest/config';

// One run, one project per workspace: each project keeps its own timeouts and environment.
export default defineConfig({
  test: {
    projects: ['contracts', 'fixtures', 'media-pipeline', 'api', 'web'],
  },
});
