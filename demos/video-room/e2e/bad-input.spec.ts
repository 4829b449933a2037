import { connectRawSocket, expect, peerIdOf, test } from '@peerlab/testing';
import { chat, expectConnected, join } from './room-page.ts';

// A raw socket.io client sends what a broken or hostile page would, while two real browsers
// keep talking through the same hub.
test('malformed events get typed errors while two peers keep relaying', async ({
  openPeers,
  hub,
}) => {
  const [alice, bob] = await openPeers(2, '/demos/video-room/');
  await join(alice!, 'busy-room');
  await join(bob!, 'busy-room');
  await expectConnected(alice!);
  const raw = await connectRawSocket(hub.url);
  const cases: [string, unknown, string][] = [
    ['join', { v: 1, room: '<script>' }, 'invalid-room-name'],
    ['join', { v: 99, room: 'busy-room' }, 'unsupported-version'],
    ['join', null, 'invalid-message'],
    [
      'relay',
      { to: await peerIdOf(alice!), payload: { kind: 'message', body: 'hi' } },
      'not-in-room',
    ],
    ['relay', 'not an object', 'invalid-message'],
    ['subscribe-all', { room: '*' }, 'unknown-event'],
  ];
  for (const [event, payload, code] of cases) {
    const error = raw.nextError();
    raw.socket.emit(event, payload);
    expect(await error, `${event} ${JSON.stringify(payload)}`).toMatchObject({ code, event });
  }
  // Joined elsewhere, a forged description is rejected by the schema, not relayed.
  raw.socket.emit('join', { v: 1, room: 'elsewhere' });
  await expect.poll(() => raw.received.some((r) => r.event === 'joined')).toBe(true);
  const forged = raw.nextError();
  raw.socket.emit('relay', {
    payload: { kind: 'description', description: { type: 'hack', sdp: 1 } },
  });
  expect(await forged).toMatchObject({ code: 'invalid-message', event: 'relay' });
  raw.socket.disconnect();
  // The hub is still up and the call still works through it.
  await chat(alice!, bob!, 'still talking');
  await chat(bob!, alice!, 'still here');
  await expectConnected(bob!);
  expect(await (await fetch(new URL('/healthz', hub.url))).json()).toMatchObject({ ok: true });
});
