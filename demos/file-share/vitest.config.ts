import { defineConfig } from 'vitest/config';

// The pure modules (words, progress per file) run in Node; the page runs in the e2e tests.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'] },
});
