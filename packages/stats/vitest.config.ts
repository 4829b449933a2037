import { chromiumLaunchOptions } from '@peerlab/testing/chromium';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const launchOptions = chromiumLaunchOptions();

// The sampler reads a real RTCPeerConnection's stats and the graphs render in a real DOM, so
// these tests run in real Chromium with a fake camera.
export default defineConfig({
  test: {
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions }),
      instances: [{ browser: 'chromium', include: ['src/**/*.test.ts'] }],
    },
  },
});
