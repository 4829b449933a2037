import { chromiumLaunchOptions } from '@peerlab/testing';
import { chromium, type Browser, type Page } from '@playwright/test';
import { clickJoinWhenReady } from './call-setup-vs-codelab.ts';
import {
  echoBenchPaths,
  openBenchPaths,
  timeBurst,
  timeRoundTrips,
  type Path,
  type RoundTrips,
} from './datachannel-probe.ts';
import { startDelayProxy } from './delay-proxy.ts';
import { startHubProcess } from './hub-process.ts';
import type { BenchRow, BenchSuite } from './report.ts';
import { percentile, round } from './stats.ts';

const ROUND_TRIPS = 1_000;
const BURST = 10_000;
/** One way, so a relayed round trip crosses it four times (there and back, on both legs). */
const HUB_DELAY_MS = 20;
/**
 * The hub allows 100 events a second per connection, plenty for people; a thousand round trips
 * and a 10,000-message burst through it need more.
 */
const RATE_LIMIT = '1000000';

interface Setting {
  name: string;
  roundTrips: Record<Path, RoundTrips>;
  /** Ms for a burst of `BURST` messages, each echoed back. */
  burst: Record<'reliable' | 'relay', number>;
}

/** Two video room tabs in one call; the second echoes, the first measures. */
async function measure(browser: Browser, base: string, name: string): Promise<Setting> {
  const contexts = [await browser.newContext(), await browser.newContext()];
  try {
    const pages: Page[] = [];
    for (const context of contexts) {
      // tsx names functions by calling `__name(…)`; the page gets only their source.
      await context.addInitScript('window.__name = (target) => target;');
      await clickJoinWhenReady(context);
      const page = await context.newPage();
      await page.goto(new URL(`/demos/video-room/?room=bench-dc-${name}`, base).href);
      pages.push(page);
    }
    const [prober, echoer] = pages as [Page, Page];
    for (const page of pages) {
      await page.waitForFunction(
        () =>
          [...(window.peerlab?.call?.sessions.values() ?? [])].some(
            (session) => session.pc.connectionState === 'connected',
          ),
        undefined,
        { timeout: 30_000 },
      );
    }
    await Promise.all(pages.map((page) => page.evaluate(openBenchPaths)));
    await echoer.evaluate(echoBenchPaths);
    const roundTrips = {} as Record<Path, RoundTrips>;
    for (const path of ['reliable', 'unreliable', 'relay'] as const) {
      await prober.evaluate(timeRoundTrips, { path, count: 50, timeoutMs: 2_000 }); // warm-up
      roundTrips[path] = await prober.evaluate(timeRoundTrips, {
        path,
        count: ROUND_TRIPS,
        timeoutMs: 1_000,
      });
    }
    const burst = {
      reliable: await prober.evaluate(timeBurst, { path: 'reliable' as const, count: BURST }),
      relay: await prober.evaluate(timeBurst, { path: 'relay' as const, count: BURST }),
    };
    return { name, roundTrips, burst };
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
}

export async function benchDatachannelLatency(): Promise<BenchSuite> {
  const hub = await startHubProcess(['--rate-limit', RATE_LIMIT]);
  const proxy = await startDelayProxy(hub.url, HUB_DELAY_MS);
  const browser = await chromium.launch(chromiumLaunchOptions());
  let near: Setting;
  let far: Setting;
  try {
    near = await measure(browser, hub.url, 'loopback');
    far = await measure(browser, proxy.url, 'far-hub');
  } finally {
    await browser.close();
    await proxy.close();
    await hub.close();
  }

  const p = (trips: RoundTrips, q: number) => round(percentile(trips.samples, q), 2);
  const vsRelay = (setting: Setting, path: 'reliable' | 'unreliable', q: number, goal: number) => {
    const trips = setting.roundTrips[path];
    const row: BenchRow = {
      metric: `${setting === near ? 'loopback' : `hub ${HUB_DELAY_MS} ms away`}: ${path} data channel vs hub relay, p${q} round trip`,
      ours: p(trips, q),
      anchor: p(setting.roundTrips.relay, q),
      unit: 'ms',
      goal: { op: '<=', value: goal, of: 'anchor' },
    };
    if (trips.lost > 0) row.note = `${trips.lost} of ${ROUND_TRIPS} never came back (dropped).`;
    return row;
  };
  const rate = (ms: number) => round((BURST / ms) * 1000, 0);
  const burstRow = (setting: Setting): BenchRow => ({
    metric: `${setting === near ? 'loopback' : `hub ${HUB_DELAY_MS} ms away`}: burst of ${BURST.toLocaleString('en')}, each echoed (reliable data channel vs hub relay)`,
    ours: rate(setting.burst.reliable),
    anchor: rate(setting.burst.relay),
    unit: 'messages/s',
  });
  const table = [
    '| setting | path | p50 ms | p99 ms | lost |',
    '| --- | --- | ---: | ---: | ---: |',
    ...[near, far].flatMap((setting) =>
      (['reliable', 'unreliable', 'relay'] as const).map((path) => {
        const trips = setting.roundTrips[path];
        return `| ${setting.name} | ${path} | ${p(trips, 50)} | ${p(trips, 99)} | ${trips.lost} |`;
      }),
    ),
  ].join('\n');
  return {
    name: 'datachannel-latency',
    title: `Data channel vs the hub's socket.io relay: round trips of a small message (${ROUND_TRIPS.toLocaleString('en')} each) and a burst`,
    anchor:
      "the same message relayed through the hub's socket.io WebSocket (`relay` with a `message` " +
      'payload), between the same two video room tabs, in the same run. Each message is sent ' +
      'when the last one came back; the other tab echoes it on the path it came. Loopback, ' +
      `then the hub behind a TCP proxy that delays each way by ${HUB_DELAY_MS} ms while the ` +
      'two tabs still reach each other directly (host candidates), as with a far-away hub and ' +
      `two laptops in one room. The camera is stopped; the hub runs with --rate-limit ${RATE_LIMIT}.`,
    rows: [
      vsRelay(near, 'reliable', 99, 1),
      vsRelay(near, 'unreliable', 99, 1),
      vsRelay(far, 'reliable', 50, 0.5),
      vsRelay(far, 'unreliable', 50, 0.5),
      burstRow(near),
      burstRow(far),
    ],
    samples: Object.fromEntries(
      [near, far].flatMap((setting) =>
        Object.entries(setting.roundTrips).map(([path, trips]) => [
          `${setting.name} ${path}`,
          trips.samples.map((ms) => round(ms, 3)),
        ]),
      ),
    ),
    sections: [{ title: 'Every path, both settings', markdown: table }],
  };
}
