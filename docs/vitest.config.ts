import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts', '.vitepress/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'scripts/fixtures/**'],
    environment: 'node',
  },
});
