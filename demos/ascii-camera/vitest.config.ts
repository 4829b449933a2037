import { defineConfig } from 'vitest/config';

// The conversion and the grid maths are pure functions: they run in Node, no browser needed.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
