import { chromiumBrowserMode } from '@peerlab/testing/vitest-browser';
import { defineConfig } from 'vitest/config';

// The filters are WebGL shaders and canvas code: they run in real headless Chromium, where WebGL
// is SwiftShader (a software GPU), exactly as in CI.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 20_000,
    browser: chromiumBrowserMode(),
  },
});
