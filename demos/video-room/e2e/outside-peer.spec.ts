import { expect, inboundVideoStats, peerIdOf, test } from '@peerlab/testing';
import { expectCameraOn, expectConnected, join } from './room-page.ts';
import { OutsidePeer } from './outside-peer.ts';

// The protocol is documented in docs/protocol.md and typed in protocol.ts: a client built from
// those alone calls the video room, with video both ways and the chat channel both ways.
test('a peer written against protocol.ts alone calls the video room: video and chat', async ({
  openPeers,
  hub,
}) => {
  const [alice, stack] = await openPeers(2, '/healthz');
  await alice!.goto('/demos/video-room/');
  await join(alice!, 'outside-call');
  await expect(alice!.locator('#status')).toHaveAttribute('state', 'waiting');
  // The room is joined while the camera opens; this peer answers one offer only (no
  // renegotiation), so it joins once alice's offer can carry her camera.
  await expectCameraOn(alice!);
  const { peer, reply } = await OutsidePeer.join(hub.url, stack!, 'outside-call');
  const aliceId = (await peerIdOf(alice!))!;
  // The newcomer is polite toward alice, who was there first: she makes the offer.
  expect(reply.peers).toEqual([{ peerId: aliceId, polite: true }]);
  await expect.poll(() => peer.description()?.type).toBe('offer');
  const { answer, candidates } = await peer.answer(peer.description()!);
  peer.send(aliceId, { kind: 'description', description: answer });
  for (const candidate of candidates) peer.send(aliceId, { kind: 'candidate', candidate });
  await expect.poll(() => peer.takeCandidates()).toBe('connected');
  await expectConnected(alice!);

  // Video both ways: the outside page's camera decodes at alice's, and alice's plays there.
  await expect.poll(async () => (await inboundVideoStats(alice!)).framesDecoded).toBeGreaterThan(0);
  await expect
    .poll(() => stack!.evaluate(() => document.querySelector('video')?.videoWidth ?? 0))
    .toBeGreaterThan(0);
  // Chat both ways, on the negotiated channel: id 0, label "chat", JSON `{ text }`.
  await alice!.locator('#chat-input').fill('hello, outsider');
  await alice!.locator('#chat-input').press('Enter');
  await expect
    .poll(() => stack!.evaluate(() => (window as unknown as { heard: string[] }).heard))
    .toEqual(['hello, outsider']);
  await stack!.evaluate(() => {
    (window as unknown as { chat: RTCDataChannel }).chat.send(
      JSON.stringify({ text: 'hi, alice' }),
    );
  });
  await expect(alice!.locator('#chat-log')).toContainText('hi, alice');
  peer.close();
});
