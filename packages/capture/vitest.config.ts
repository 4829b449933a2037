import { chromiumLaunchOptions } from '@peerlab/testing/chromium';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// getUserMedia only exists in a browser, so these tests run in real Chromium with fake devices.
// A second Chromium denies every permission prompt, for the `*.denied.test.ts` files.
export default defineConfig({
  test: {
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: chromiumLaunchOptions() }),
      instances: [
        {
          browser: 'chromium',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.denied.test.ts'],
        },
        {
          browser: 'chromium',
          name: 'chromium-denied',
          include: ['src/**/*.denied.test.ts'],
          provider: playwright({ launchOptions: chromiumLaunchOptions({ grantMedia: false }) }),
        },
      ],
    },
  },
});
