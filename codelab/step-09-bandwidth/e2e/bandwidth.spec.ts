import { expect, test, type Page } from '@peerlab/testing';

const STEP = '/codelab/step-09-bandwidth/';

type Kind = 'outbound-video' | 'inbound-video';
type Sample = { values: Partial<Record<Kind, Record<string, number | undefined>>> };

/** The newest value of `key` for `kind` in the page's stats sampler (0 when none yet). */
function latest(page: Page, kind: Kind, key: string): Promise<number> {
  return page.evaluate(
    ([kind, key]) => {
      const { sampler } = (window as unknown as { peerlab: { sampler?: { latest?: Sample } } })
        .peerlab;
      return sampler?.latest?.values[kind]?.[key] ?? 0;
    },
    [kind, key] as const,
  );
}

/** Two peers in one room, connected, with the controls enabled on both. */
async function call(openPeers: (count: number, path: string) => Promise<Page[]>) {
  const pages = await openPeers(2, `${STEP}?room=bandwidth-${Date.now()}`);
  for (const page of pages) {
    await expect(page.locator('#status')).toHaveAttribute('state', 'connected');
    await expect(page.locator('#controls fieldset')).toBeEnabled();
  }
  return pages as [Page, Page];
}

test('a smaller picture and a 100 kbit/s cap show on the graphs within seconds', async ({
  openPeers,
}) => {
  const [alice, bob] = await call(openPeers);
  // A busy machine would lower the resolution by itself: keep it, so only the scale changes it.
  await alice.locator('#degradation').selectOption('maintain-resolution');
  // The fake camera needs a moment to ramp up: wait until it really sends more than 150 kbit/s.
  await expect
    .poll(() => latest(alice, 'outbound-video', 'bitsSentPerSecond'))
    .toBeGreaterThan(150_000);
  await expect.poll(() => latest(alice, 'outbound-video', 'frameWidth')).toBe(640);

  await alice.locator('#scale').selectOption('2');
  await expect.poll(() => latest(alice, 'outbound-video', 'frameWidth')).toBe(320);
  await expect.poll(() => latest(bob, 'inbound-video', 'frameWidth')).toBe(320);

  await alice.locator('#max-bitrate').selectOption('100000');
  const capped = Date.now();
  await expect
    .poll(() => latest(alice, 'outbound-video', 'bitsSentPerSecond'), { timeout: 10_000 })
    .toBeLessThan(150_000);
  expect(Date.now() - capped).toBeLessThan(10_000);
  const parameters = await alice.evaluate(() => {
    type Handle = { session: { pc: RTCPeerConnection } };
    const { pc } = (window as unknown as { peerlab: Handle }).peerlab.session;
    const parameters = pc
      .getSenders()
      .find(({ track }) => track?.kind === 'video')!
      .getParameters();
    return {
      maxBitrate: parameters.encodings[0]?.maxBitrate,
      degradation: parameters.degradationPreference,
    };
  });
  expect(parameters).toEqual({ maxBitrate: 100_000, degradation: 'maintain-resolution' });
  // The graph of the sent bitrate says so too.
  const graph = alice.locator('pl-stats-panel [data-metric="bitsSentPerSecond"]');
  await expect(graph).toHaveAttribute('aria-label', /^Video sent: (\d+ kbit\/s|\d+ bit\/s)$/);
  await expect(alice.locator('#error [role=alert]')).toHaveCount(0);
});

test('preferring another codec switches what the other side receives', async ({ openPeers }) => {
  const [alice, bob] = await call(openPeers);
  await expect(bob.locator('#codec-received')).toHaveText(/^video\//);
  const codecs = await alice
    .locator('#codec option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  const current = await bob.locator('#codec-received').textContent();
  // VP9 if this browser has it (Chromium has), else any codec not in use now.
  const other =
    codecs.includes('video/VP9') && current !== 'video/VP9'
      ? 'video/VP9'
      : codecs.find((c) => c && c !== current)!;

  await alice.locator('#codec').selectOption(other);
  await expect(bob.locator('#codec-received')).toHaveText(other);
  await expect(alice.locator('#codec-sent')).toHaveText(other);
  await expect(alice.locator('#status')).toHaveAttribute('state', 'connected');
  // Video still flows in the new codec.
  await expect.poll(() => latest(bob, 'inbound-video', 'bitsReceivedPerSecond')).toBeGreaterThan(0);
});

test('a setting the browser refuses is explained, and the list goes back', async ({
  openPeers,
}) => {
  const [alice] = await call(openPeers);
  await alice.locator('#degradation').selectOption('maintain-resolution');
  await alice.locator('#scale').selectOption('0.5');
  const alert = alice.locator('#error [role=alert]');
  await expect(alert).toContainText('The browser refused that setting (RangeError)');
  await expect(alert.locator('[part=message]')).toContainText('scale');
  await expect(alice.locator('#scale')).toHaveValue('1');
  // The sender kept its settings: full size.
  await expect.poll(() => latest(alice, 'outbound-video', 'frameWidth')).toBe(640);
});
