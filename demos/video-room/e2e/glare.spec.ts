import { expect, inboundVideoStats, test } from '@peerlab/testing';
import type { Page } from '@peerlab/testing';
import { expectConnected, join } from './room-page.ts';

/**
 * At the agreed instant, the page starts sending a second video track (as if sharing its
 * screen). Both pages do it at once, so both offer at once: glare. It resolves to whether this
 * page saw the collision, and whether it ignored the other side's offer.
 */
function addVideoAt(page: Page, at: number) {
  return page.evaluate(async (startAt) => {
    type Session = {
      pc: RTCPeerConnection;
      on(type: 'collision', listener: (info: { ignored: boolean }) => void): () => void;
    };
    const call = (window as unknown as { peerlab: { call: { sessions: Map<string, Session> } } })
      .peerlab.call;
    const session = [...call.sessions.values()][0]!;
    const collisions: boolean[] = [];
    session.on('collision', ({ ignored }) => collisions.push(ignored));
    const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 240 });
    const context = canvas.getContext('2d')!;
    const paint = () => {
      context.fillStyle = `hsl(${performance.now() / 10} 80% 50%)`;
      context.fillRect(0, 0, 320, 240);
      requestAnimationFrame(paint);
    };
    paint();
    const stream = canvas.captureStream(15);
    await new Promise((resolve) => setTimeout(resolve, startAt - Date.now()));
    session.pc.addTrack(stream.getVideoTracks()[0]!, stream);
    // Wait until this side's negotiation settles with both video tracks flowing both ways.
    await new Promise<void>((resolve) => {
      const check = () =>
        session.pc.signalingState === 'stable' &&
        session.pc.getTransceivers().filter((t) => t.currentDirection === 'sendrecv').length === 3
          ? resolve()
          : setTimeout(check, 50);
      check();
    });
    return collisions;
  }, at);
}

test('glare: both sides renegotiate at the same moment and the call stays connected', async ({
  openPeers,
}) => {
  const [alice, bob] = await openPeers(2, '/demos/video-room/');
  await join(alice!, 'glare-check');
  await join(bob!, 'glare-check');
  await expectConnected(alice!);
  await expectConnected(bob!);
  const at = Date.now() + 500;
  const [aliceSaw, bobSaw] = await Promise.all([addVideoAt(alice!, at), addVideoAt(bob!, at)]);
  // The offers crossed. Alice joined first, so she is impolite and ignored Bob's offer; Bob,
  // polite, rolled his own back and answered hers.
  expect(aliceSaw!.length).toBeGreaterThan(0);
  expect(bobSaw!.length).toBeGreaterThan(0);
  expect(new Set(aliceSaw)).toEqual(new Set([true]));
  expect(new Set(bobSaw)).toEqual(new Set([false]));
  await expectConnected(alice!);
  await expectConnected(bob!);
  const before = await inboundVideoStats(bob!);
  await expect
    .poll(async () => (await inboundVideoStats(bob!)).framesDecoded)
    .toBeGreaterThan(before.framesDecoded + 10);
});
