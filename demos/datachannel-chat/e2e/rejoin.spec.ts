import { expect, test } from '@peerlab/testing';
import { CHAT_PATH, expectGreeted, join, say, textsOf } from './chat-page.ts';

// A short grace period: the hub forgets a dropped peer after 1 s instead of 5.
test.use({ hubOptions: { signaling: { graceMs: 1_000 } } });

test('away past the grace period, a peer joins again with new calls: what everyone wrote arrives once', async ({
  openPeers,
}) => {
  const [ada, bob, cy] = await openPeers(3, CHAT_PATH);
  for (const [page, nick] of [
    [ada, 'Ada'],
    [bob, 'Bob'],
    [cy, 'Cy'],
  ] as const) {
    await join(page!, 'rejoin-check', nick);
  }
  for (const page of [ada!, bob!, cy!]) await expectGreeted(page, 2);
  await say(ada!, 'before');
  for (const page of [ada!, bob!, cy!]) await expect.poll(() => textsOf(page)).toEqual(['before']);

  await bob!.context().setOffline(true);
  await bob!.evaluate(() => {
    type Engine = { socket: { io: { engine: { close(): void } } } };
    (window.peerlab!.call!.signaling as unknown as Engine).socket.io.engine.close();
  });
  // The hub gives up on Bob; Ada and Cy hang up on him, and his calls close.
  await expectGreeted(ada!, 1);
  await expectGreeted(cy!, 1);
  const meanwhile = ['Ada while Bob is gone', 'Cy while Bob is gone', 'Bob, offline'];
  await say(ada!, meanwhile[0]!);
  await say(cy!, meanwhile[1]!);
  await say(bob!, meanwhile[2]!);
  await expect(
    ada!.locator('article', { hasText: meanwhile[0] }).locator('.receipts'),
  ).toContainText('waiting for Bob');

  await bob!.context().setOffline(false);
  // Bob's page sees it was forgotten (a join that did not resume) and joins again.
  for (const page of [ada!, bob!, cy!]) await expectGreeted(page, 2);
  const all = ['before', ...meanwhile].sort();
  for (const page of [ada!, bob!, cy!]) {
    await expect.poll(async () => (await textsOf(page)).sort()).toEqual(all);
  }
  await expect(
    ada!.locator('article', { hasText: meanwhile[0] }).locator('.receipts'),
  ).not.toContainText('waiting');
});
