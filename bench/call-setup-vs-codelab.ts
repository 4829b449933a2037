import { chromiumLaunchOptions } from '@peerlab/testing';
import { loadavg } from 'node:os';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { findCodelabAnchor, startCodelab } from './codelab-anchor.ts';
import { startHubProcess } from './hub-process.ts';
import {
  readTimeline,
  recordCallTimelines,
  waitForMarks,
  type PageTimeline,
} from './call-timeline.ts';
import type { BenchRow, BenchSuite } from './report.ts';
import { criticalPathTable, timelineTable, type Run } from './call-setup-tables.ts';
import { median, percentile, round } from './stats.ts';

/** One app under test, and how to open it in a tab. */
export interface Side {
  name: string;
  url: (room: string) => string;
  /** Extra set-up of each tab's context (routes, a Join click). */
  prepare?: (context: BrowserContext) => Promise<unknown>;
  /** Marks tab 1 shows once it has done what it does while it waits alone in the room. */
  settled?: string[];
}

/** PeerLab's tab 1 makes the next peer's call while it waits: done once it has a candidate. */
const READY_CALL = ['candidate-found'];

const ADAPTER_URL = 'https://webrtc.github.io/adapter/adapter-latest.js';

/** The video room joins on a click: made the moment its script is ready, so no time is lost. */
export async function clickJoinWhenReady(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    // Module scripts have run by DOMContentLoaded: the form's submit handler is in place.
    addEventListener('DOMContentLoaded', () =>
      document.querySelector<HTMLButtonElement>('button#join')?.click(),
    );
  });
}

/** Page timestamps → milliseconds after `zero` (a wall-clock time), on one clock for both tabs. */
function relative(timeline: PageTimeline, zero: number): Record<string, number> {
  const shift = (t: number) => round(t + timeline.wallOffset - zero);
  const marks = Object.fromEntries(
    // `long-tasks` is a duration, the rest are moments.
    Object.entries(timeline.marks).map(([name, t]) => [
      name,
      name === 'long-tasks' ? round(t) : shift(t),
    ]),
  );
  return {
    ...marks,
    'dom-content-loaded': shift(timeline.domContentLoaded),
    load: shift(timeline.load),
  };
}

/** Tab 1 shows its camera and is in the room; then tab 2 opens, and we wait for its remote video. */
async function measure(browser: Browser, side: Side, room: string): Promise<Run> {
  const contexts = [await browser.newContext(), await browser.newContext()];
  try {
    for (const context of contexts) {
      await recordCallTimelines(context);
      await side.prepare?.(context);
    }
    const first = await contexts[0]!.newPage();
    await first.goto(side.url(room));
    await waitForMarks(first, ['local-frame', 'join-ack', ...(side.settled ?? [])]);
    // The codelab has one room for everyone: if the last run's tabs were still in it, say so.
    if (side.name === 'codelab' && !('in:created' in (await readTimeline(first)).marks)) {
      throw new Error('The codelab room "foo" was not empty.');
    }
    const second = await contexts[1]!.newPage();
    await second.goto(side.url(room), { waitUntil: 'commit' });
    await waitForMarks(second, ['remote-frame'], { failures: ['in:full'] });
    const [a, b] = await Promise.all([readTimeline(first), readTimeline(second)]);
    const zero = b.timeOrigin + b.wallOffset;
    return {
      span: round(b.marks['remote-frame']! - b.timeOrigin),
      first: relative(a, zero),
      second: relative(b, zero),
      scripts: Object.fromEntries(b.scripts.map(({ url, ms }) => [url, round(ms)])),
    };
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
}

/** Retries a run whose codelab room was still busy: its tabs' sockets take a moment to go. */
export async function measureWithRetry(browser: Browser, side: Side, room: string): Promise<Run> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await measure(browser, side, room);
    } catch (error) {
      if (attempt === 3) throw error;
      console.warn(`${side.name} run failed (${error}); again.`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/** A new room every run: the hub keeps a closed tab's place for a while, in case it comes back. */
export const roomFor = (side: Side, run: number | string) =>
  `bench-${side.name.replace(/\W+/g, '-')}-${run}`;

export async function benchCallSetupVsCodelab(runs: number): Promise<BenchSuite> {
  const codelab = await startCodelab(findCodelabAnchor());
  const hub = await startHubProcess();
  const browser = await chromium.launch(chromiumLaunchOptions());
  const sides: Side[] = [
    {
      name: 'step 6',
      url: (room) => new URL(`/codelab/step-06-video-call/?room=${room}`, hub.url).href,
      settled: READY_CALL,
    },
    {
      name: 'video room',
      url: (room) => new URL(`/demos/video-room/?room=${room}`, hub.url).href,
      prepare: clickJoinWhenReady,
      settled: READY_CALL,
    },
    {
      name: 'codelab',
      url: () => codelab.url, // always room "foo", fixed in its code
      prepare: (context) =>
        // It loads adapter.js from the internet, which this machine cannot reach.
        context.route(ADAPTER_URL, (route) =>
          route.fulfill({ body: '', contentType: 'text/javascript' }),
        ),
    },
  ];
  const results: Record<string, Run[]> = Object.fromEntries(sides.map((side) => [side.name, []]));
  const load = [loadavg()[0]!];
  try {
    // One unmeasured run each warms the browser and both servers.
    for (const side of sides) await measureWithRetry(browser, side, roomFor(side, 'warm-up'));
    for (let i = 0; i < runs; i++) {
      // Interleaved, in a turning order, so drift on the machine hits every side alike.
      for (let k = 0; k < sides.length; k++) {
        const side = sides[(i + k) % sides.length]!;
        results[side.name]!.push(await measureWithRetry(browser, side, roomFor(side, i)));
      }
    }
  } finally {
    load.push(loadavg()[0]!);
    await browser.close();
    await hub.close();
    await codelab.close();
  }
  const adapterMs = median(
    results.codelab!.flatMap((run) =>
      Object.entries(run.scripts)
        .filter(([url]) => url === ADAPTER_URL)
        .map(([, ms]) => ms),
    ),
  );
  const names = sides.map((side) => side.name);
  const spans = (name: string) => results[name]!.map((run) => run.span);
  const row = (
    ours: string,
    metric: string,
    pick: (s: number[]) => number,
    goal: number,
  ): BenchRow => ({
    metric: `${ours} vs codelab, ${metric}`,
    ours: round(pick(spans(ours))),
    anchor: round(pick(spans('codelab'))),
    unit: 'ms',
    goal: { op: '<=', value: goal, of: 'anchor' },
  });
  const p90 = (s: number[]) => percentile(s, 90);
  return {
    name: 'call-setup-vs-codelab',
    title: `Call set-up vs the 2014 Google codelab: tab 2 opens → its remote video plays (${runs} runs)`,
    anchor:
      'the Google codelab "Real time communication with WebRTC", step 5 (googlecodelabs/webrtc-web ' +
      'c96ce33, socket.io 2, no framework), unchanged, on its own server. Every side: one tab is ' +
      "in the room showing its camera; the span runs from the second tab's navigation start to " +
      'its first decoded remote frame (readyState ≥ 2 and a width, seen by the same recorder in ' +
      'every page). Step 6 joins from its `?room=` link; the video room is sent its Join click ' +
      "at DOMContentLoaded. PeerLab's tab 1 makes the next peer's call while it waits alone; " +
      'tab 2 opens once that is done (its first ICE candidate). Fresh browser contexts each ' +
      'run, loopback, fake camera.',
    rows: [
      row('step 6', 'median', median, 0.7),
      row('step 6', 'p90', p90, 0.8),
      row('video room', 'median', median, 0.7),
      row('video room', 'p90', p90, 0.8),
    ],
    samples: Object.fromEntries(sides.map((side) => [side.name, spans(side.name)])),
    sections: [
      {
        title: 'The critical path, step by step',
        markdown:
          `${criticalPathTable(names, results)}\n\n` +
          "The codelab's tab 1 starts its call when tab 2 says it has its camera, so its step " +
          '"join acknowledged → tab 1 creates its RTCPeerConnection" includes tab 2\'s getUserMedia. ' +
          `Load average (1 min) on the machine: ${load.map((l) => l.toFixed(1)).join(' at the start, ')} ` +
          "at the end. The codelab's adapter.js, answered by the bench with an empty script " +
          `(Playwright route), took ${round(adapterMs)} ms (median), part of its page load.`,
      },
      {
        title: 'Where the time goes',
        markdown:
          `${timelineTable(names, results)}\n\n` +
          'Recorded by wrapping browser APIs in an init script, in every page alike: ' +
          '`getUserMedia`, `RTCPeerConnection` (descriptions, ICE and connection states, tracks), ' +
          "socket.io's WebSocket and XHR traffic, and `<video>` frames. Tab 1's marks are on tab " +
          "2's clock (both tabs' clocks are aligned through `Date.now()`, within about 1 ms); " +
          'a negative time is before tab 2 opened (the spare call PeerLab makes while it waits).',
      },
    ],
  };
}
