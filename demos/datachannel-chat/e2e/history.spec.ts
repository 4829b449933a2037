import { expect, test } from '@peerlab/testing';
import { CHAT_PATH, expectGreeted, historyOf, join, say, textsOf } from './chat-page.ts';

test('three peers talk with receipts; a fourth joins late and gets the same history, in order, once', async ({
  openPeers,
}) => {
  const [ada, bob, cy] = await openPeers(3, CHAT_PATH);
  await join(ada!, 'history-check', 'Ada', 4);
  await join(bob!, 'history-check', 'Bob');
  await join(cy!, 'history-check', 'Cy');
  for (const page of [ada!, bob!, cy!]) await expectGreeted(page, 2);

  const lines: [typeof ada, string][] = [
    [ada, 'hello from Ada'],
    [bob, 'hi Ada, Bob here'],
    [cy, 'Cy too'],
    [ada, 'all three of us'],
  ];
  for (const [page, text] of lines) await say(page!, text);
  const texts = lines.map(([, text]) => text);
  for (const page of [ada!, bob!, cy!]) {
    await expect.poll(async () => (await textsOf(page)).sort()).toEqual([...texts].sort());
  }
  // Every peer shows the same order: Lamport time, then author, whatever the arrival order.
  const order = await historyOf(ada!);
  expect(await historyOf(bob!)).toEqual(order);
  expect(await historyOf(cy!)).toEqual(order);

  // Receipts on Ada's first message: delivered to each, then read by each (their pages show it).
  const receipts = ada!
    .locator('chat-message-list article', { hasText: 'hello from Ada' })
    .locator('.receipts');
  await expect(receipts).toHaveText(/read by (Bob, Cy|Cy, Bob)/);
  await expect(
    bob!.locator('chat-message-list article', { hasText: 'hello from Ada' }),
  ).toContainText('Ada');

  const [dee] = await openPeers(1, CHAT_PATH);
  await join(dee!, 'history-check', 'Dee');
  await expectGreeted(dee!, 3);
  // From the peers (three backlogs of the same messages), shown once each, in the same order.
  await expect.poll(() => historyOf(dee!)).toEqual(order);
  await expect(dee!.locator('chat-message-list article')).toHaveCount(4);
  // Dee's copies are acknowledged: Ada's message now counts Dee among those who have it.
  await expect(receipts).toContainText('Dee');
  await say(dee!, 'thanks for the backlog');
  for (const page of [ada!, bob!, cy!]) {
    await expect.poll(async () => (await textsOf(page)).at(-1)).toBe('thanks for the backlog');
  }
});
