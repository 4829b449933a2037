import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';

/**
 * The Playwright config every PeerLab app shares: Debian Chromium (or `CHROMIUM_PATH`) with
 * fake camera and microphone. One worker: each test already runs two or more browser
 * contexts with live video, which is all a 2-core machine has room for.
 */
export function definePeerlabConfig(overrides: PlaywrightTestConfig = {}): PlaywrightTestConfig {
  const { use, expect, ...rest } = overrides;
  return defineConfig({
    testDir: 'e2e',
    workers: 1,
    timeout: 60_000,
    forbidOnly: true,
    retries: 0,
    reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
    ...rest,
    // Merged, not replaced: a config that sets one `use` option keeps the Chromium settings.
    expect: { timeout: 15_000, ...expect },
    use: {
      browserName: 'chromium',
      launchOptions: chromiumLaunchOptions(),
      trace: 'retain-on-failure',
      ...use,
    },
  });
}
