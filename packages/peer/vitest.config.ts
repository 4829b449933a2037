import { chromiumBrowserMode } from '@peerlab/testing/vitest-browser';
import { defineConfig } from 'vitest/config';

// RTCPeerConnection only exists in a browser: two real sessions talk inside headless Chromium.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    globalSetup: ['./vitest.global-setup.ts'],
    testTimeout: 20_000,
    expect: { poll: { timeout: 10_000 } },
    browser: chromiumBrowserMode(),
  },
});
