import { expect, type Page } from '@peerlab/testing';
import { appPath, check } from './check-app.ts';

/** Two pages of the app under check in one new room, as two people opening the same link. */
function openCall(openPeers: (count: number, path: string) => Promise<Page[]>) {
  return openPeers(2, `${appPath}?room=check-08-${Date.now()}`);
}

/** The newest number in `window.peerlab.stats[metric]`, if the page keeps that array. */
function newest(page: Page, metric: string): Promise<number | undefined> {
  return page.evaluate((name) => {
    const handle = (window as { peerlab?: { stats?: Record<string, unknown> } }).peerlab;
    const values = handle?.stats?.[name];
    const value = Array.isArray(values) ? values.at(-1) : undefined;
    return typeof value === 'number' ? value : undefined;
  }, metric);
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
    await expect
      .poll(() => newest(page!, 'bitsReceivedPerSecond'), { timeout: 20_000 })
      .toBeGreaterThan(BITRATE.above);
    expect(await newest(page!, 'bitsReceivedPerSecond')).toBeLessThan(BITRATE.below);
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
      .poll(() => newest(page!, 'bitsSentPerSecond'), { timeout: 20_000 })
      .toBeGreaterThan(BITRATE.above);
    expect(await newest(page!, 'bitsSentPerSecond')).toBeLessThan(BITRATE.below);
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
