import { connectRawSocket, expect, inboundVideoStats, peerIdOf, test } from '@peerlab/testing';
import { expectConnected, join } from './room-page.ts';

test('nothing sent in room A reaches room B, even when addressed there', async ({
  openPeers,
  hub,
}) => {
  // Room B: two raw clients that record every event the hub sends them.
  const [listener, outsider] = [await connectRawSocket(hub.url), await connectRawSocket(hub.url)];
  listener.socket.emit('join', { v: 1, room: 'room-b' });
  await expect.poll(() => listener.received.map((r) => r.event)).toEqual(['joined']);
  outsider.socket.emit('join', { v: 1, room: 'room-b' });
  await expect.poll(() => listener.received.map((r) => r.event)).toEqual(['joined', 'peer-joined']);

  // Room A: a full call, which relays offers, answers and candidates through the hub.
  const [alice, bob] = await openPeers(2, '/demos/video-room/');
  await join(alice!, 'room-a');
  await join(bob!, 'room-a');
  await expectConnected(alice!);
  await expect.poll(async () => (await inboundVideoStats(bob!)).framesDecoded).toBeGreaterThan(0);
  await alice!.evaluate(() => {
    const page = window as unknown as {
      heard: string[];
      peerlab: { call: { signaling: { on(e: 'signal', l: (s: { from: string }) => void): void } } };
    };
    page.heard = [];
    page.peerlab.call.signaling.on('signal', ({ from }) => page.heard.push(from));
  });

  // Room B addresses alice by her peer id: refused, not relayed.
  const refused = outsider.nextError();
  outsider.socket.emit('relay', {
    to: await peerIdOf(alice!),
    payload: { kind: 'message', body: 'can you hear me?' },
  });
  expect(await refused).toMatchObject({ code: 'unknown-peer' });
  // A broadcast in room B reaches room B only; once the listener has it, the hub has
  // handled both of the outsider's messages.
  outsider.socket.emit('relay', { payload: { kind: 'message', body: 'room b only' } });
  await expect
    .poll(() => listener.received.map((r) => r.event))
    .toEqual(['joined', 'peer-joined', 'relay']);
  expect(await alice!.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
  // Room A's whole negotiation went through the hub, and none of it was heard in room B.
  expect(listener.received.filter((r) => JSON.stringify(r.args).includes('sdp'))).toEqual([]);
  listener.socket.disconnect();
  outsider.socket.disconnect();
});
