import { chromiumBrowserMode } from '@peerlab/testing/vitest-browser';
import { defineConfig } from 'vitest/config';

// IndexedDB and RTCDataChannel are browser APIs: the tests run in headless Chromium, and two
// real peer connections in one page stand in for two peers.
export default defineConfig({
  // Bundled before the first test, so Vite does not reload the page halfway through the run.
  optimizeDeps: { include: ['idb', 'zod/mini', 'zod/locales', 'socket.io-client'] },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
    expect: { poll: { timeout: 10_000 } },
    browser: chromiumBrowserMode(),
  },
});
