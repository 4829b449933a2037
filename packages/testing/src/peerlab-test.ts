import { startHub, type Hub, type HubOptions } from '@peerlab/server';
import { chromium, test as base, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions, type MediaFlagOptions } from './chromium.ts';

export interface PeerlabFixtures {
  /**
   * Opens `count` pages at `path` on the hub, each in its own browser context — as separate
   * as two people on two machines. Contexts close after the test.
   */
  openPeers: (count: number, path: string) => Promise<Page[]>;
  /** Launches another Chromium with other media flags (e.g. `{ grantMedia: false }`). */
  launchChromium: (options: MediaFlagOptions) => Promise<Browser>;
  /** Opens `path` on the hub in a Chromium that blocks camera and microphone ("Block" clicked). */
  openWithCameraDenied: (path: string) => Promise<Page>;
}

export interface PeerlabWorkerFixtures {
  /** Options for this file's hub: set with `test.use({ hubOptions: { … } })`. */
  hubOptions: Partial<HubOptions>;
  /** A real hub on a free port: apps, signaling, `/api/ice`. One per worker. */
  hub: Hub;
}

export const TEST_RUN_LIMITS = { maxConnectionsPerAddress: 1_000, maxRoomsPerAddress: 1_000 };

/** Playwright's `test` with a running hub and helpers for several peers. */
export const test = base.extend<PeerlabFixtures, PeerlabWorkerFixtures>({
  hubOptions: [{}, { scope: 'worker', option: true }],
  hub: [
    async ({ hubOptions }, use) => {
      const hub = await startHub({
        port: 0,
        host: '127.0.0.1',
        quiet: true,
        ...hubOptions,
        // Every browser of a test run connects from 127.0.0.1, and rooms outlive their pages by
        // the grace period: the per-address limits a classroom needs would trip a test run.
        signaling: { ...TEST_RUN_LIMITS, ...hubOptions.signaling },
      });
      await use(hub);
      await hub.close();
    },
    { scope: 'worker' },
  ],
  openPeers: async ({ browser, hub }, use) => {
    const contexts: Awaited<ReturnType<Browser['newContext']>>[] = [];
    await use(async (count, path) => {
      const pages: Page[] = [];
      for (let i = 0; i < count; i++) {
        const context = await browser.newContext({ baseURL: hub.url });
        contexts.push(context);
        const page = await context.newPage();
        await page.goto(path);
        pages.push(page);
      }
      return pages;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  // Playwright reads a fixture's dependencies from its first parameter: this one has none.
  // eslint-disable-next-line no-empty-pattern
  launchChromium: async ({}, use) => {
    const browsers: Browser[] = [];
    await use(async (options) => {
      const browser = await chromium.launch(chromiumLaunchOptions(options));
      browsers.push(browser);
      return browser;
    });
    await Promise.all(browsers.map((browser) => browser.close()));
  },
  openWithCameraDenied: async ({ launchChromium, hub }, use) => {
    await use(async (path) => {
      const browser = await launchChromium({ grantMedia: false });
      const page = await browser.newPage({ baseURL: hub.url });
      await page.goto(path);
      return page;
    });
  },
});

export { expect } from '@playwright/test';
