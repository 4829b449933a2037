import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // The fuzz test forces a garbage collection to check the server's memory stays bounded.
    execArgv: ['--expose-gc'],
  },
});
