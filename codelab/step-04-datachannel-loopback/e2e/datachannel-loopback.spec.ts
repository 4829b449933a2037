import { expect, test, type Page } from '@peerlab/testing';

const STEP = '/codelab/step-04-datachannel-loopback/';

/** Types `text` into one side's box and sends it, as a learner would. */
async function send(page: Page, from: '#peer1' | '#peer2', text: string): Promise<void> {
  await expect(page.locator(`${from} button`)).toBeEnabled();
  await page.locator(`${from} input`).fill(text);
  await page.locator(`${from} button`).click();
}

function expectCounters(page: Page, side: '#peer1' | '#peer2', counts: string) {
  return expect(page.locator(`${side} [data-show=counters]`)).toHaveText(counts);
}

/** Both ends of the current channel, as the page's DevTools handle sees them. */
function channels(page: Page) {
  return page.evaluate(() => {
    type Handle = { channel1?: RTCDataChannel; channel2?: RTCDataChannel };
    const { channel1, channel2 } = (window as unknown as { peerlab: Handle }).peerlab;
    return [channel1, channel2].map((channel) => ({
      label: channel?.label,
      readyState: channel?.readyState,
      ordered: channel?.ordered,
      maxRetransmits: channel?.maxRetransmits,
    }));
  });
}

test('text goes both ways and the counters count it exactly', async ({ openPeers }) => {
  const [page] = await openPeers(1, STEP);
  const reliable = { label: 'chat-reliable', readyState: 'open', ordered: true };
  await expect
    .poll(() => channels(page!))
    .toEqual([
      { ...reliable, maxRetransmits: null },
      { ...reliable, maxRetransmits: null },
    ]);
  await expect(page!.locator('#peer2 [data-show=state]')).toContainText('"chat-reliable" open');

  await send(page!, '#peer1', 'hello');
  await expect(page!.locator('#peer2 .messages')).toContainText('pc1: hello');
  await expectCounters(page!, '#peer1', 'Sent 1 (5 bytes) · received 0 (0 bytes)');
  await expectCounters(page!, '#peer2', 'Sent 0 (0 bytes) · received 1 (5 bytes)');

  // Bytes, not characters: "é" takes two bytes in UTF-8.
  await send(page!, '#peer2', 'olé');
  await expect(page!.locator('#peer1 .messages')).toContainText('pc2: olé');
  await expectCounters(page!, '#peer2', 'Sent 1 (4 bytes) · received 1 (5 bytes)');
  await expectCounters(page!, '#peer1', 'Sent 1 (5 bytes) · received 1 (4 bytes)');
});

test('unreliable re-creates the channel without retransmits, and text still arrives', async ({
  openPeers,
}) => {
  const [page] = await openPeers(1, STEP);
  await expect(page!.locator('#peer1 button')).toBeEnabled();
  await page!.locator('#mode').selectOption('unreliable');
  const unreliable = {
    label: 'chat-unreliable',
    readyState: 'open',
    ordered: false,
    maxRetransmits: 0,
  };
  await expect.poll(() => channels(page!)).toEqual([unreliable, unreliable]);

  // On loopback nothing is lost, so every message arrives even without retransmits.
  await send(page!, '#peer1', 'one');
  await send(page!, '#peer2', 'two');
  await send(page!, '#peer1', 'three');
  await expect(page!.locator('#peer2 .messages')).toContainText('pc1: three');
  await expect(page!.locator('#peer1 .messages')).toContainText('pc2: two');
  await expectCounters(page!, '#peer1', 'Sent 2 (8 bytes) · received 1 (3 bytes)');
  await expectCounters(page!, '#peer2', 'Sent 1 (3 bytes) · received 2 (8 bytes)');
});
