import { expect, test, type Page } from '@peerlab/testing';
import { CHAT_PATH, expectGreeted, join, say, textsOf } from './chat-page.ts';

/** Every socket.io frame the page sends to the hub or gets from it, as text. */
function recordHubFrames(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => frames.push(String(payload)));
    socket.on('framereceived', ({ payload }) => frames.push(String(payload)));
  });
  return frames;
}

/** The payload kinds of the `relay` events among the frames (socket.io: `42["relay",{…}]`). */
function relayedKinds(frames: string[]): string[] {
  return frames.flatMap((frame) => {
    const event = /^42\d*(\[.*)$/s.exec(frame); // an event; digits after 42 are an ack id
    if (!event) return [];
    const [name, body] = JSON.parse(event[1]!) as [string, { payload?: { kind?: string } }];
    return name === 'relay' ? [body.payload?.kind ?? '?'] : [];
  });
}

test('the hub relays call set-up only: no chat message, receipt or history goes through it', async ({
  openPeers,
}) => {
  const [ada, bob] = await openPeers(2, CHAT_PATH);
  const frames = [ada!, bob!].map(recordHubFrames);
  await join(ada!, 'relay-check', 'Ada the sender');
  await join(bob!, 'relay-check', 'Bob');
  await expectGreeted(ada!, 1);
  const secret = `peer-to-peer-only-${Date.now()}`;
  await say(ada!, secret);
  await say(bob!, `${secret}-reply`);
  await expect.poll(() => textsOf(ada!)).toEqual([secret, `${secret}-reply`]);
  await expect(
    ada!.locator('article', { hasText: secret }).first().locator('.receipts'),
  ).toContainText('Bob');
  // A late joiner's backlog too.
  const [cy] = await openPeers(1, CHAT_PATH);
  frames.push(recordHubFrames(cy!));
  await join(cy!, 'relay-check', 'Cy');
  await expect.poll(() => textsOf(cy!)).toEqual([secret, `${secret}-reply`]);

  const all = frames.flat();
  expect(all.length).toBeGreaterThan(0); // the recorder saw the signaling
  expect(all.filter((frame) => frame.includes(secret) || frame.includes('Ada the sender'))).toEqual(
    [],
  );
  const kinds = new Set(relayedKinds(all));
  expect(kinds.has('description')).toBe(true);
  expect([...kinds].every((kind) => kind === 'description' || kind === 'candidate')).toBe(true);
});
