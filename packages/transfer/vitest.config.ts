import { chromiumBrowserMode } from '@peerlab/testing/vitest-browser';
import { defineConfig } from 'vitest/config';

// RTCDataChannel and the origin private file system are browser APIs: the tests run in headless
// Chromium, and two real peer connections in one page stand in for two peers.
export default defineConfig({
  // Bundled before the first test, so Vite does not reload the page halfway through the run.
  optimizeDeps: { include: ['hash-wasm', 'zod/mini', 'zod/locales'] },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    expect: { poll: { timeout: 10_000 } },
    browser: chromiumBrowserMode(),
  },
});
