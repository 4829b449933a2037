import { expect, test, type Page } from '@peerlab/testing';
import { CHAT_PATH, expectGreeted, join, say, textsOf } from './chat-page.ts';

/** Waits until every page holds exactly `texts` (in any order), each once. */
async function expectEachOnce(pages: Page[], texts: string[]): Promise<void> {
  for (const page of pages) {
    await expect.poll(async () => (await textsOf(page)).sort()).toEqual([...texts].sort());
  }
}

test('offline with its signaling cut, a peer comes back: what everyone wrote meanwhile arrives once', async ({
  openPeers,
}) => {
  const [ada, bob, cy] = await openPeers(3, CHAT_PATH);
  for (const [page, nick] of [
    [ada, 'Ada'],
    [bob, 'Bob'],
    [cy, 'Cy'],
  ] as const)
    await join(page!, 'offline-check', nick);
  for (const page of [ada!, bob!, cy!]) await expectGreeted(page, 2);
  await say(ada!, 'before');
  await expectEachOnce([ada!, bob!, cy!], ['before']);

  await bob!.context().setOffline(true);
  await bob!.evaluate(() => {
    type Engine = { socket: { io: { engine: { close(): void } } } };
    (window.peerlab!.call!.signaling as unknown as Engine).socket.io.engine.close();
  });
  await expect(bob!.locator('#status')).toHaveAttribute('state', 'reconnecting');
  const meanwhile = ['Ada while Bob is away', 'Cy while Bob is away', 'Bob while offline'];
  await say(ada!, meanwhile[0]!);
  await say(cy!, meanwhile[1]!);
  await say(bob!, meanwhile[2]!);
  await bob!.context().setOffline(false);
  await expect(bob!.locator('#status')).toHaveAttribute('state', 'connected');
  await expectEachOnce([ada!, bob!, cy!], ['before', ...meanwhile]);
  // Same peer id after the drop: nobody saw Bob leave, and his calls never stopped.
  await expectGreeted(ada!, 2);
});

test('a peer whose page goes away and comes back gets what was written meanwhile, once', async ({
  openPeers,
}) => {
  const [ada, bob, cy] = await openPeers(3, CHAT_PATH);
  for (const [page, nick] of [
    [ada, 'Ada'],
    [bob, 'Bob'],
    [cy, 'Cy'],
  ] as const)
    await join(page!, 'away-check', nick);
  for (const page of [ada!, bob!, cy!]) await expectGreeted(page, 2);
  await say(bob!, 'brb');
  await expectEachOnce([ada!, bob!, cy!], ['brb']);

  await bob!.goto('about:blank'); // the tab goes elsewhere: it leaves the room at once
  await expectGreeted(ada!, 1);
  await say(ada!, 'Ada while Bob is gone');
  await say(cy!, 'Cy while Bob is gone');
  // Ada knows Bob from before: her message waits for him.
  const receipt = ada!
    .locator('article', { hasText: 'Ada while Bob is gone' })
    .locator('.receipts');
  await expect(receipt).toContainText('waiting for Bob');

  await bob!.goto(`${CHAT_PATH}?room=away-check`);
  await bob!.locator('#join').click();
  await expectGreeted(bob!, 2);
  // From his IndexedDB, Ada's outbox and both backlogs: each message once.
  await expectEachOnce([ada!, bob!, cy!], ['brb', 'Ada while Bob is gone', 'Cy while Bob is gone']);
  await expect(receipt).toContainText(/(delivered to|read by) .*Bob/);
  await expect(receipt).not.toContainText('waiting');
});
