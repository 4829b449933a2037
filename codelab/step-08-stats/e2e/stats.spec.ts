import { describeMediaError } from '@peerlab/capture';
import { expect, test, type Page } from '@peerlab/testing';

const STEP = '/codelab/step-08-stats/';

type Series = Record<string, (number | null)[]>;

/** The newest value of each metric the page keeps, from its DevTools handle. */
function newest(page: Page): Promise<Record<string, number | null | undefined>> {
  return page.evaluate(() => {
    const { stats } = (window as unknown as { peerlab: { stats: Series } }).peerlab;
    return Object.fromEntries(Object.entries(stats).map(([name, values]) => [name, values.at(-1)]));
  });
}

/** Video bits received per second over two seconds, measured here from getStats. */
function measuredBitrate(page: Page): Promise<number> {
  return page.evaluate(async () => {
    type Handle = { call: { sessions: Map<string, { pc: RTCPeerConnection }> } };
    const { call } = (window as unknown as { peerlab: Handle }).peerlab;
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
    await new Promise((resolve) => setTimeout(resolve, 2000)); // the span to measure over
    const after = await read();
    return ((after.bytes - before.bytes) * 8) / ((after.at - before.at) / 1000);
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
    // The first second has sizes but no rates yet (a rate needs two readings): wait for all.
    await expect
      .poll(
        async () => {
          const values = await newest(page);
          return RATES.filter((name) => !((values[name] ?? 0) > 0));
        },
        { message: 'the rates that are still zero or missing' },
      )
      .toEqual([]);
    // The sender may start smaller, or scale down on a busy CPU: any 4:3 size from 320×240 up.
    await expect
      .poll(async () => {
        const { frameWidth, frameHeight } = await newest(page);
        return (frameWidth ?? 0) >= 320 && (frameWidth ?? 0) * 3 === (frameHeight ?? 0) * 4;
      })
      .toBe(true);
    const values = await newest(page);
    expect(values.packetsLost).toBeGreaterThanOrEqual(0);
    expect(values.nackCount).toBeGreaterThanOrEqual(0);
    expect(values.firCount).toBeGreaterThanOrEqual(0);
  }
  const [page] = pages;

  // The page's bitrate agrees with the one measured here: bytes became bits, ms became s.
  const measured = await measuredBitrate(page!);
  const shown = (await newest(page!)).bitsReceivedPerSecond!;
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
