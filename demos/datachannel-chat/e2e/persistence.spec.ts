import { expect, test } from '@peerlab/testing';
import { CHAT_PATH, expectGreeted, join, say, textsOf } from './chat-page.ts';

test('reload: the history is back from this browser, alone; clearing it forgets it here only', async ({
  openPeers,
}) => {
  const [ada, bob] = await openPeers(2, CHAT_PATH);
  await join(ada!, 'reload-check', 'Ada');
  await join(bob!, 'reload-check', 'Bob');
  await expectGreeted(ada!, 1);
  await say(ada!, 'remember me');
  await say(bob!, 'and me');
  await expect.poll(() => textsOf(bob!)).toHaveLength(2);
  const before = await textsOf(bob!);
  await expect
    .poll(() =>
      bob!.evaluate(() =>
        (window.peerlab as { store?: { saved(): Promise<void> } }).store?.saved().then(() => true),
      ),
    )
    .toBe(true);

  // Ada leaves: whatever Bob sees after his reload comes from his own IndexedDB.
  await ada!.context().close();
  await bob!.reload();
  await expect(bob!.locator('#room')).toHaveValue('reload-check');
  await expect(bob!.locator('#nick')).toHaveValue('Bob');
  await bob!.locator('#join').click();
  await expect.poll(() => textsOf(bob!)).toEqual(before);
  await expect(bob!.locator('chat-message-list article')).toHaveCount(2);
  // Still his own: the tab keeps its author key across reloads.
  await expect(bob!.locator('article.mine')).toContainText('and me');

  await bob!.locator('#clear').click();
  await expect(bob!.locator('chat-message-list article')).toHaveCount(0);
  await bob!.reload();
  await bob!.locator('#join').click();
  await expect(bob!.locator('#status')).toHaveAttribute('state', 'waiting');
  expect(await textsOf(bob!)).toEqual([]);
  await expect(bob!.locator('chat-message-list')).toContainText('No messages yet');
});
