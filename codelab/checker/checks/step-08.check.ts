import { check, newRoom, type Tab } from './check-app.ts';
import { fail, waitFor } from './wait-for.ts';

/**
 * The numbers in `window.peerlab.stats[metric]`, oldest first ([] without that array). A first
 * second with nothing to compare with may hold NaN or undefined: those are left out.
 */
function values(tab: Tab, metric: string): Promise<number[]> {
  return tab.page.evaluate((name) => {
    const handle = (window as { peerlab?: { stats?: Record<string, unknown> } }).peerlab;
    const values = handle?.stats?.[name];
    return Array.isArray(values) ? values.filter((value) => Number.isFinite(value)) : [];
  }, metric);
}

/** The widths of the page's playing videos, those inside `<pl-video>` elements too. */
function videoWidths(tab: Tab): Promise<number[]> {
  return tab.page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .flatMap((element) =>
        element instanceof HTMLVideoElement
          ? [element]
          : [...(element.shadowRoot?.querySelectorAll('video') ?? [])],
      )
      .map((video) => video.videoWidth)
      .filter((width) => width > 0),
  );
}

// Bits, not bytes, and per second, not per millisecond: the fake camera sends a few hundred
// kbit/s at first, a few Mbit/s at most.
const BITRATE = { above: 100_000, below: 50_000_000 };
const RECEIVED = 'Each second, the received video bitrate goes into a graph';

/** Waits until the highest of `metric` so far is a plausible bitrate, in bits per second. */
async function expectBitrate(tab: Tab, tabs: readonly Tab[], metric: string): Promise<void> {
  // The highest of the seconds so far: a busy second may bring less, a key frame more.
  const highest = await waitFor(
    async () => Math.max(-Infinity, ...(await values(tab, metric))),
    (value) => value > BITRATE.above,
    {
      expected: `window.peerlab.stats.${metric} above ${BITRATE.above} bit/s at least once`,
      got: (value) =>
        value === -Infinity
          ? `window.peerlab.stats.${metric} holds no number`
          : `its highest is ${Math.round(value)}`,
      timeout: 20_000,
      tabs,
    },
  );
  if (highest > BITRATE.below) {
    await fail(
      `${metric} in bits per second, under ${BITRATE.below}`,
      `${highest}: bytes × 8 ÷ seconds?`,
    );
  }
}

check(
  RECEIVED,
  {
    hint: 'Every second, pc.getStats(): take the "inbound-rtp" report of kind "video" and push (bytesReceived now − before) × 8 ÷ ((timestamp now − before) / 1000) onto window.peerlab.stats.bitsReceivedPerSecond; draw it with <pl-stats-graph data-metrics="bitsReceivedPerSecond">. See "Counters into rates" and "Keep a minute, draw it".',
  },
  async ({ openTabs }) => {
    const tabs = await openTabs(2, { query: `?room=${newRoom()}` });
    await expectBitrate(tabs[0]!, tabs, 'bitsReceivedPerSecond');
    const graphs = await tabs[0]!.page
      .locator('pl-stats-graph[data-metrics~="bitsReceivedPerSecond"]')
      .count();
    if (graphs !== 1) {
      await fail(
        'one <pl-stats-graph data-metrics="bitsReceivedPerSecond">',
        `the page has ${graphs}`,
      );
    }
  },
);

check(
  'The sent bitrate and the received frame width are measured too',
  {
    hint: 'In the same walk, the "outbound-rtp" video report’s bytesSent gives window.peerlab.stats.bitsSentPerSecond; push the "inbound-rtp" video report’s frameWidth as it is onto window.peerlab.stats.frameWidth. See "The metrics".',
    needs: [RECEIVED],
  },
  async ({ openTabs }) => {
    const tabs = await openTabs(2, { query: `?room=${newRoom()}` });
    await expectBitrate(tabs[0]!, tabs, 'bitsSentPerSecond');
    // The encoder may send less than 640 wide for a while: compare with the remote video.
    await waitFor(
      async () => ({
        width: (await values(tabs[0]!, 'frameWidth')).at(-1),
        shown: await videoWidths(tabs[0]!),
      }),
      ({ width, shown }) => width !== undefined && shown.includes(width),
      {
        expected: 'the newest window.peerlab.stats.frameWidth equal to the received video’s width',
        got: ({ width, shown }) =>
          `frameWidth ${width ?? 'missing'}, the videos are ${shown.join(' and ')} wide`,
      },
    );
  },
);
