import { callStates, expect, testWithCoturn } from '@peerlab/testing';
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

test('TURN down mid-call, then back: ICE restarts and recovers, and what was said meanwhile arrives', async ({
  openPeers,
  coturn,
}) => {
  const [ada, bob] = await openPeers(2, `${CHAT_PATH}?relay`);
  await join(ada!, 'outage-check', 'Ada');
  await join(bob!, 'outage-check', 'Bob');
  await expectGreeted(ada!, 1);
  await expectGreeted(bob!, 1);
  await say(ada!, 'before');
  await expect.poll(() => textsOf(bob!)).toEqual(['before']);

  await coturn.stop();
  // Every path went through the relay: with no answers to its consent checks, ICE gives up.
  for (const page of [ada!, bob!]) {
    await expect
      .poll(async () => (await callStates(page))[0], { timeout: 30_000 })
      .toMatch(/^(disconnected|failed)$/);
  }
  await say(ada!, 'during, from Ada');
  await say(bob!, 'during, from Bob');

  await coturn.start();
  // Each side tries a restart every few seconds; the first after coturn is back connects.
  for (const page of [ada!, bob!]) {
    await expect.poll(() => callStates(page), { timeout: 10_000 }).toEqual(['connected']);
  }
  const everything = ['before', 'during, from Ada', 'during, from Bob'];
  for (const page of [ada!, bob!]) {
    await expect.poll(async () => (await textsOf(page)).sort()).toEqual(everything.sort());
  }
});
