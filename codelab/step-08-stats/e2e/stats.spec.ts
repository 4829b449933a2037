import { describeMediaError } from '@peerlab/capture';
import { expect, test, type Page } from '@peerlab/testing';

const STEP = '/codelab/step-08-stats/';

type Series = Record<string, (number | null)[]>;

/** Every value the page keeps of each metric, oldest first, from its DevTools handle. */
function history(page: Page): Promise<Series> {
  return page.evaluate(() => (window as unknown as { peerlab: { stats: Series } }).peerlab.stats);
}

/** The newest value of each metric the page keeps. */
async function newest(page: Page): Promise<Record<string, number | null | undefined>> {
  const all = await history(page);
  return Object.fromEntries(Object.entries(all).map(([name, values]) => [name, values.at(-1)]));
}

/**
 * Video bits received per second over three seconds, measured here from getStats, and the
 * mean of the page's own values for the last three seconds: two averages of about the same
 * span. (The bitrate of one second jumps about, with key frames and the bandwidth estimate.)
 */
function bitrates(page: Page): Promise<{ measured: number; shown: number }> {
  return page.evaluate(async () => {
    type Handle = {
      stats: Series;
      call: { sessions: Map<string, { pc: RTCPeerConnection }> };
    };
    const { stats, call } = (window as unknown as { peerlab: Handle }).peerlab;
    const [session] = call.sessions.values();
    const read = async () => {
      let bytes = 0;
      let at = 0;
      (await session!.pc.getStats()).forEach((stats) => {
        if (stats.type !== 'inbound-rtp' || stats.kind !== 'video') return;
        bytes = stats.bytesReceived;
        at = stats.timestamp;
      });
      return { bytes, at };
    };
    const before = await read();
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the span to measure over
    const after = await read();
    const lastThree = stats.bitsReceivedPerSecond!.slice(-3).map((value) => value ?? 0);
    return {
      measured: ((after.bytes - before.bytes) * 8) / ((after.at - before.at) / 1000),
      shown: lastThree.reduce((sum, value) => sum + value, 0) / lastThree.length,
    };
  });
}

/** The metrics that are rates: above zero in any call with video flowing both ways. */
const RATES = [
  'bitsReceivedPerSecond',
  'packetsReceivedPerSecond',
  'bitsSentPerSecond',
  'packetsSentPerSecond',
  'framesReceivedPerSecond',
  'framesPerSecond',
  'framesOutputPerSecond',
];

test('two peers in a call graph what they send and receive, every second', async ({
  openPeers,
}) => {
  const room = `stats-${Date.now()}`;
  const pages = await openPeers(2, `${STEP}?room=${room}`);
  for (const page of pages) {
    await expect(page.locator('#status')).toHaveAttribute('state', 'connected');
    // Each rate has been above zero in some second. Not all in the newest one: a rate needs
    // two readings, and on a busy CPU a second may pass without a frame decoded.
    await expect
      .poll(
        async () => {
          const all = await history(page);
          return RATES.filter((name) => !(all[name] ?? []).some((value) => (value ?? 0) > 0));
        },
        { message: 'the rates never yet above zero' },
      )
      .toEqual([]);
    // The sender may start smaller, or scale down on a busy CPU for a while: some second had
    // a 4:3 size from 320×240 up.
    await expect
      .poll(async () => {
        const { frameWidth = [], frameHeight = [] } = await history(page);
        return frameWidth.some(
          (width, i) => (width ?? 0) >= 320 && (width ?? 0) * 3 === (frameHeight[i] ?? 0) * 4,
        );
      })
      .toBe(true);
    const values = await newest(page);
    expect(values.packetsLost).toBeGreaterThanOrEqual(0);
    expect(values.nackCount).toBeGreaterThanOrEqual(0);
    expect(values.firCount).toBeGreaterThanOrEqual(0);
  }
  const [page] = pages;

  // The page's bitrate agrees with the one measured here: bytes became bits, ms became s.
  const { measured, shown } = await bitrates(page!);
  expect(shown).toBeGreaterThan(measured / 3);
  expect(shown).toBeLessThan(measured * 3);

  // The graphs hold the same series, and say the latest value to screen readers.
  const graph = page!.locator('pl-stats-graph[data-metrics="bitsReceivedPerSecond"]');
  const drawn = await graph.evaluate((element: HTMLElement & { values: (number | null)[] }) =>
    element.values.filter((value) => (value ?? 0) > 0),
  );
  expect(drawn.length).toBeGreaterThan(0);
  await expect(graph).toHaveAttribute('role', 'img');
  await expect(graph).toHaveAttribute('aria-label', /^Bitrate: [\d.]+ [kM]?bit\/s$/);
  const size = page!.locator('pl-stats-graph[data-metrics="frameWidth frameHeight"]');
  await expect(size).toHaveAttribute(
    'aria-label',
    /^Frame size: frameWidth (\d+) px, frameHeight (\d+) px$/,
  );
  const label = (await size.getAttribute('aria-label'))!;
  const [width, height] = label.match(/\d+/g)!.map(Number);
  expect(width! * 3, label).toBe(height! * 4);

  // And the raw report is there for the curious.
  await page!.locator('details summary').click();
  await expect(page!.locator('#raw-report')).toContainText('"type": "inbound-rtp"');
  await expect(page!.locator('#raw-report')).toContainText('"kind": "video"');
});

test('a denied camera is explained, and no call starts', async ({ openWithCameraDenied }) => {
  const page = await openWithCameraDenied(`${STEP}?room=denied-${Date.now()}`);
  const expected = describeMediaError(new DOMException('Permission denied', 'NotAllowedError'));
  await expect(page.locator('#error [role=alert]')).toContainText(expected.title);
  await expect(page.locator('#status')).toHaveAttribute('state', 'idle');
  const call = await page.evaluate(
    () => (window as unknown as { peerlab: { call?: object } }).peerlab.call,
  );
  expect(call).toBeUndefined();
});
