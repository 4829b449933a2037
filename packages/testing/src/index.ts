export { test, expect } from './peerlab-test.ts';
export type { Browser, BrowserContext, Page } from '@playwright/test';
export type { PeerlabFixtures, PeerlabWorkerFixtures } from './peerlab-test.ts';
export { definePeerlabConfig } from './playwright-config.ts';
export { chromiumExecutablePath, chromiumLaunchOptions, chromiumMediaFlags } from './chromium.ts';
export type { MediaFlagOptions } from './chromium.ts';
export { inboundVideoStats } from './webrtc-stats.ts';
export { connectRawSocket, type ErrorEvent } from './raw-socket.ts';
export { startCoturn, type Coturn, type CoturnOptions } from './coturn.ts';
