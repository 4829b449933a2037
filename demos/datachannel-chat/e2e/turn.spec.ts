import { expect, testWithCoturn } from '@peerlab/testing';
import { CHAT_PATH, expectGreeted, join, say, textsOf } from './chat-page.ts';

// A real coturn for this file's worker, and a hub that hands out TURN credentials for it.
const test = testWithCoturn;

test('relay only: each peer shows "relayed through TURN", and the chat goes through it', async ({
  openPeers,
}) => {
  const [ada, bob] = await openPeers(2, `${CHAT_PATH}?relay`);
  await join(ada!, 'turn-check', 'Ada');
  await join(bob!, 'turn-check', 'Bob');
  await expectGreeted(ada!, 1);
  for (const [page, other] of [
    [ada!, 'Bob'],
    [bob!, 'Ada'],
  ] as const) {
    const path = page.locator('chat-peer-list li', { hasText: other }).locator('.path');
    await expect(path).toHaveText('relayed through TURN');
  }
  await say(ada!, 'through the relay');
  await expect.poll(() => textsOf(bob!)).toEqual(['through the relay']);
});
