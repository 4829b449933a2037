import { playwright } from '@vitest/browser-playwright';
import { chromiumLaunchOptions } from './chromium.ts';

/**
 * Vitest's browser mode in headless Debian Chromium with fake media: `test.browser` for the
 * packages whose tests need browser APIs (RTCPeerConnection, IndexedDB, OPFS).
 */
export function chromiumBrowserMode() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: chromiumLaunchOptions() }),
    instances: [{ browser: 'chromium' as const }],
  };
}
