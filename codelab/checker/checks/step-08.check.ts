import { expect, type Page } from '@peerlab/testing';
import { appPath, check } from './check-app.ts';

/** Two pages of the app under check in one new room, as two people opening the same link. */
function openCall(openPeers: (count: number, path: string) => Promise<Page[]>) {
  return openPeers(2, `${appPath}?room=check-08-${Date.now()}`);
}

/**
 * The numbers in `window.peerlab.stats[metric]`, oldest first ([] without that array). A first
 * second with nothing to compare with may hold NaN or undefined: those are left out.
 */
function values(page: Page, metric: string): Promise<number[]> {
  return page.evaluate((name) => {
    const handle = (window as { peerlab?: { stats?: Record<string, unknown> } }).peerlab;
    const values = handle?.stats?.[name];
    return Array.isArray(values) ? values.filter((value) => Number.isFinite(value)) : [];
  }, metric);
}

/** The newest number in `window.peerlab.stats[metric]`, if the page keeps that array. */
async function newest(page: Page, metric: string): Promise<number | undefined> {
  return (await values(page, metric)).at(-1);
}

/** The highest number in `window.peerlab.stats[metric]` (−Infinity when there is none). */
async function highest(page: Page, metric: string): Promise<number> {
  return Math.max(...(await values(page, metric)));
}

/** The widths of the page's playing videos, those inside `<pl-video>` elements too. */
function videoWidths(page: Page): Promise<number[]> {
  return page.evaluate(() =>
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

check(
  'Each second, the received video bitrate goes into a graph',
  'Join the room named in the link (?room=…) when the page loads, as in step 6. Every second call pc.getStats(), find the report with type "inbound-rtp" and kind "video", and push (bytesReceived now − bytesReceived before) × 8 ÷ ((timestamp now − timestamp before) / 1000) onto the array window.peerlab.stats.bitsReceivedPerSecond. Draw it with <pl-stats-graph data-metrics="bitsReceivedPerSecond"> from @peerlab/stats.',
  async ({ openPeers }) => {
    const [page] = await openCall(openPeers);
    // The highest of the seconds so far: a busy second may bring less, a key frame more.
    await expect
      .poll(() => highest(page!, 'bitsReceivedPerSecond'), { timeout: 20_000 })
      .toBeGreaterThan(BITRATE.above);
    expect(await highest(page!, 'bitsReceivedPerSecond')).toBeLessThan(BITRATE.below);
    await expect(
      page!.locator('pl-stats-graph[data-metrics~="bitsReceivedPerSecond"]'),
    ).toHaveCount(1);
  },
);

check(
  'The sent bitrate and the received frame width are measured too',
  'In the same getStats() walk, the report with type "outbound-rtp" and kind "video" has bytesSent: push its bits per second onto window.peerlab.stats.bitsSentPerSecond. Push the "inbound-rtp" video report\'s frameWidth as it is onto window.peerlab.stats.frameWidth (640 from the fake camera, less while the encoder scales it down).',
  async ({ openPeers }) => {
    const [page] = await openCall(openPeers);
    await expect
      .poll(() => highest(page!, 'bitsSentPerSecond'), { timeout: 20_000 })
      .toBeGreaterThan(BITRATE.above);
    expect(await highest(page!, 'bitsSentPerSecond')).toBeLessThan(BITRATE.below);
    // The encoder may send less than 640 wide for a while: compare with the remote video.
    await expect
      .poll(
        async () => {
          const width = await newest(page!, 'frameWidth');
          return width !== undefined && (await videoWidths(page!)).includes(width);
        },
        { message: 'the newest frameWidth is the width of the video received' },
      )
      .toBe(true);
  },
);
