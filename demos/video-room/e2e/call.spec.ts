import { expect, inboundVideoStats, keepSentResolution, peerIdOf, test } from '@peerlab/testing';
import { chat, expectConnected, join } from './room-page.ts';

test('two browsers join one room: connected, video decoded, chat both ways', async ({
  openPeers,
}) => {
  const [alice, bob] = await openPeers(2, '/demos/video-room/');
  await join(alice!, 'call-check');
  await expect(alice!.locator('#status')).toHaveAttribute('state', 'waiting');
  await join(bob!, 'call-check');
  await expectConnected(alice!);
  await expectConnected(bob!);
  // A busy CPU would make the senders scale the camera down: keep its size, lose frames instead.
  for (const page of [alice!, bob!]) await keepSentResolution(page);
  for (const page of [alice!, bob!]) {
    await expect.poll(async () => (await inboundVideoStats(page)).framesDecoded).toBeGreaterThan(0);
    // The camera's full 640×480 (polled: the first frames may be smaller).
    await expect
      .poll(async () => {
        const { frameWidth, frameHeight } = await inboundVideoStats(page);
        return [frameWidth, frameHeight];
      })
      .toEqual([640, 480]);
  }
  await chat(alice!, bob!, 'hello from alice');
  await chat(bob!, alice!, 'hello from bob');
});

test('when a peer leaves, the other sees it go and waits again', async ({ openPeers }) => {
  const [alice, bob] = await openPeers(2, '/demos/video-room/');
  await join(alice!, 'leave-check');
  await join(bob!, 'leave-check');
  await expectConnected(alice!);
  await bob!.locator('#leave').click();
  await expect(alice!.locator('#status')).toHaveAttribute('state', 'waiting');
  await expect(alice!.locator('pl-video[data-peer-id]')).toHaveCount(0);
});

test('two peers clicking Join at the same moment connect, every time', async ({ openPeers }) => {
  // Both offer at once at the very start: the hardest case for negotiation. Four rounds.
  for (let round = 0; round < 4; round++) {
    const [alice, bob] = await openPeers(2, '/demos/video-room/');
    await Promise.all([join(alice!, `same-moment-${round}`), join(bob!, `same-moment-${round}`)]);
    await expectConnected(alice!);
    await expectConnected(bob!);
    await alice!.context().close();
    await bob!.context().close();
  }
});

test('a dropped signaling connection comes back with the same peer id; the call never stops', async ({
  openPeers,
}) => {
  const [alice, bob] = await openPeers(2, '/demos/video-room/');
  await join(alice!, 'drop-check');
  await join(bob!, 'drop-check');
  await expectConnected(alice!);
  const before = await peerIdOf(bob!);
  const rejoined = bob!.evaluate(() => {
    type Client = {
      socket: { io: { engine: { close(): void } } };
      once(event: 'joined', listener: (joined: { peerId: string; resumed: boolean }) => void): void;
    };
    const signaling = (window as unknown as { peerlab: { call: { signaling: Client } } }).peerlab
      .call.signaling;
    return new Promise<{ peerId: string; resumed: boolean }>((resolve) => {
      signaling.once('joined', resolve);
      signaling.socket.io.engine.close(); // the socket drops as on a flaky network
    });
  });
  expect(await rejoined).toMatchObject({ peerId: before, resumed: true });
  // Alice never saw Bob leave, and the peer-to-peer call carried on.
  await expect(alice!.locator('pl-video[data-peer-id]')).toHaveCount(1);
  await expectConnected(alice!);
  await chat(bob!, alice!, 'back again');
});

test('a room holds six by default: three browsers call each other, and the status says so', async ({
  openPeers,
}) => {
  const pages = await openPeers(3, '/demos/video-room/');
  for (const page of pages) await join(page, 'three-check');
  for (const page of pages) await expectConnected(page, 2);
  await expect(pages[2]!.locator('#status [part=detail]')).toHaveText('3 of 6 in the room');
});

test('the hub’s /metrics counts the call: both sides report connecting, over host pairs', async ({
  openPeers,
  hub,
  request,
}) => {
  // One hub per worker: count what this call adds.
  const connected = async () => {
    const text = await (await request.get(new URL('/metrics', hub.url).href)).text();
    const line = text
      .split('\n')
      .find((l) => l.startsWith('peerlab_ice_outcomes_total{outcome="connected",pair="host"}'));
    return Number(line?.split(' ')[1] ?? 0);
  };
  const before = await connected();
  const [alice, bob] = await openPeers(2, '/demos/video-room/');
  await join(alice!, 'metrics-check');
  await join(bob!, 'metrics-check');
  await expectConnected(alice!);
  await expectConnected(bob!);
  await expect.poll(connected).toBe(before + 2);
});
