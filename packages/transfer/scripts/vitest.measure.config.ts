import { chromiumBrowserMode } from '@peerlab/testing/vitest-browser';
import { defineConfig } from 'vitest/config';

// `npm run measure`: the throughput measure, run by hand only (never part of `npm test`).
export default defineConfig({
  optimizeDeps: { include: ['hash-wasm', 'zod/mini', 'zod/locales'] },
  test: {
    include: ['scripts/measure-throughput.ts'],
    testTimeout: 300_000,
    browser: chromiumBrowserMode(),
  },
});
