import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startHub, type Hub } from '@peerlab/server';
import { chromiumLaunchOptions } from '@peerlab/testing';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { BenchSuite } from './report.ts';
import { median, percentile, round } from './stats.ts';

/** Reads the page's `call-setup` measure (join-clicked → first-remote-frame), once it exists. */
async function callSetupMs(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('call-setup').length > 0, null, {
    timeout: 30_000,
  });
  return page.evaluate(() => performance.getEntriesByName('call-setup')[0]!.duration);
}

/** Ours: two browser contexts through the hub; the second clicks Join. */
async function ours(browser: Browser, hub: Hub, room: string): Promise<number> {
  const contexts = [await browser.newContext(), await browser.newContext()];
  try {
    const [first, second] = await Promise.all(contexts.map((context) => context.newPage()));
    for (const page of [first!, second!]) {
      await page.goto(new URL(`/demos/video-room/?room=${room}`, hub.url).href);
    }
    await first!.locator('#join').click();
    await first!.waitForSelector('pl-call-status[state="waiting"]');
    await second!.locator('#join').click();
    return await callSetupMs(second!);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
}

/** The anchor: the classic two-connections-in-one-page sample, served on the hub's origin. */
async function anchor(browser: Browser, hub: Hub, html: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const url = new URL('/bench-anchor/pc1.html', hub.url).href;
    await page.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html' }));
    await page.goto(url);
    await page.locator('#call').click();
    return await callSetupMs(page);
  } finally {
    await context.close();
  }
}

export async function benchCallSetup(runs: number): Promise<BenchSuite> {
  const html = await readFile(join(import.meta.dirname, 'anchor-pc1.html'), 'utf8');
  const hub = await startHub({ port: 0, quiet: true });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const samples = { ours: [] as number[], anchor: [] as number[] };
  try {
    // One unmeasured run each warms the browser's caches, as a learner's second try would be.
    await ours(browser, hub, 'bench-warm-up');
    await anchor(browser, hub, html);
    for (let i = 0; i < runs; i++) {
      // Interleaved, so drift on the machine hits both sides alike.
      samples.ours.push(round(await ours(browser, hub, `bench-${i}`)));
      samples.anchor.push(round(await anchor(browser, hub, html)));
    }
  } finally {
    await browser.close();
    await hub.close();
  }
  const row = (metric: string, pick: (s: number[]) => number, goal?: number) => ({
    metric,
    ours: round(pick(samples.ours)),
    anchor: round(pick(samples.anchor)),
    unit: 'ms',
    ...(goal !== undefined && { goal: { op: '<=' as const, value: goal } }),
  });
  return {
    name: 'call-setup',
    title: `Call set-up: click Join → first remote frame (${runs} runs, two contexts, loopback)`,
    anchor:
      'two RTCPeerConnections in one page with no signaling server (the classic pc1 sample), ' +
      'measured over the same span: click → getUserMedia → negotiation → first remote frame.',
    rows: [row('median', median, 400), row('p90', (s) => percentile(s, 90))],
    samples,
  };
}
