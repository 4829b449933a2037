import { chromiumBrowserMode } from '@peerlab/testing/vitest-browser';
import { defineConfig } from 'vitest/config';

// The elements render in a real page, and the peer path is read from a real connection's stats.
export default defineConfig({
  // Bundled before the first test, so Vite does not reload the page halfway through the run.
  optimizeDeps: {
    include: ['idb', 'zod/mini', 'zod/locales', 'socket.io-client', 'lit', '@lit-labs/virtualizer'],
  },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
    expect: { poll: { timeout: 10_000 } },
    browser: chromiumBrowserMode(),
  },
});
