import { expect, peerIdOf, test } from '@peerlab/testing';
import { chat, expectConnected, join } from './room-page.ts';

// The room's chat runs on @peerlab/chat: ids, receipts, framing and a backlog from the peers.
test('chat: a line longer than a data-channel message arrives whole; a latecomer gets the chat so far, once', async ({
  openPeers,
}) => {
  const [alice, bob] = await openPeers(2, '/demos/video-room/');
  await join(alice!, 'chat-check');
  await join(bob!, 'chat-check');
  await expectConnected(alice!);
  await chat(alice!, bob!, 'first line');
  await chat(bob!, alice!, 'second line');
  // 300,000 characters: above Chromium's 256 KiB maxMessageSize, so it goes in chunks.
  const long = `start ${'0123456789'.repeat(30_000)} end`;
  await alice!.locator('#chat-input').evaluate((input: HTMLInputElement, text) => {
    input.value = text;
  }, long);
  await alice!.locator('#chat-input').press('Enter');
  await expect(bob!.locator('#chat-log li').last()).toHaveText(
    `Peer ${(await peerIdOf(alice!))!.slice(0, 4)}: ${long}`,
  );

  const [carol] = await openPeers(1, '/demos/video-room/');
  await join(carol!, 'chat-check');
  await expectConnected(carol!, 2);
  // From alice's and bob's backlogs: each line once, though both sent all three.
  await expect(carol!.locator('#chat-log li')).toHaveCount(3);
  for (const text of ['first line', 'second line', 'end']) {
    await expect(carol!.locator('#chat-log li', { hasText: text })).toHaveCount(1);
  }
  await chat(carol!, alice!, 'hello, I am new');
  await expect(bob!.locator('#chat-log')).toContainText('hello, I am new');
});
