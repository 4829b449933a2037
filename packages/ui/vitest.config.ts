import { chromiumLaunchOptions } from '@peerlab/testing/chromium';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const launchOptions = chromiumLaunchOptions();

// Like a browser out of the box: sound may only autoplay after the user clicked the page.
const autoplayBlockedLaunchOptions = {
  ...launchOptions,
  args: launchOptions.args.map((flag) =>
    flag.startsWith('--autoplay-policy=') ? '--autoplay-policy=user-gesture-required' : flag,
  ),
};

// The elements play real camera streams, so these tests run in real Chromium with fake devices.
// A second Chromium keeps the default autoplay policy, for the `*.autoplay.test.ts` files.
export default defineConfig({
  // The transfer errors' package brings these; bundled first so Vite does not reload mid-run.
  optimizeDeps: { include: ['hash-wasm', 'zod/mini', 'zod/locales'] },
  test: {
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions }),
      instances: [
        {
          browser: 'chromium',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.autoplay.test.ts'],
        },
        {
          browser: 'chromium',
          name: 'chromium-autoplay-blocked',
          include: ['src/**/*.autoplay.test.ts'],
          provider: playwright({ launchOptions: autoplayBlockedLaunchOptions }),
        },
      ],
    },
  },
});
