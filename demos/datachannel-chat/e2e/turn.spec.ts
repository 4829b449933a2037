import { startCoturn, test as base, type Coturn } from '@peerlab/testing';
import { CHAT_PATH, expectGreeted, join, say, textsOf } from './chat-page.ts';

// A real coturn for this file's worker, and a hub that hands out TURN credentials for it.
const test = base.extend<object, { coturn: Coturn }>({
  coturn: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const coturn = await startCoturn();
      await use(coturn);
      await coturn.close();
    },
    { scope: 'worker' },
  ],
  hubOptions: [
    async ({ coturn }, use) =>
      use({ ice: { turn: { urls: [coturn.url], secret: coturn.secret } } }),
    { scope: 'worker' },
  ],
});

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
    await base
      .expect(page.locator('chat-peer-list li', { hasText: other }).locator('.path'))
      .toHaveText('relayed through TURN');
  }
  await say(ada!, 'through the relay');
  await base.expect.poll(() => textsOf(bob!)).toEqual(['through the relay']);
});
