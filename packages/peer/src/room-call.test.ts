import { SignalingClient } from '@peerlab/signaling';
import { afterEach, describe, expect, inject, test } from 'vitest';
import { RoomCall } from './room-call.ts';

// Real RoomCalls in one Chromium page, through a real signaling server (vitest.global-setup.ts).
const calls: RoomCall[] = [];
afterEach(() => calls.splice(0).forEach((call) => call.leave()));

function roomCall(): RoomCall {
  const call = new RoomCall({ signaling: new SignalingClient({ url: inject('signalingUrl') }) });
  calls.push(call);
  return call;
}

const room = () => `room-call-${crypto.randomUUID().slice(0, 8)}`;

describe('RoomCall', () => {
  test('everyone in a room calls everyone: three calls, each with two connected sessions', async () => {
    const name = room();
    const [a, b, c] = [roomCall(), roomCall(), roomCall()];
    // Data channels only: each session needs something to negotiate.
    for (const call of [a, b, c]) {
      call.on('peer-added', ({ session }) => session.createChannel('x', { negotiatedId: 0 }));
    }
    await a.join(name, 3);
    await b.join(name);
    await c.join(name);
    for (const call of [a, b, c]) {
      await expect
        .poll(() => [...call.sessions.values()].map((session) => session.connectionState))
        .toEqual(['connected', 'connected']);
    }
  });

  test('join tells the room size and who is there; a full room rejects with room-full', async () => {
    const name = room();
    const [a, b, c] = [roomCall(), roomCall(), roomCall()];
    const first = await a.join(name, 2);
    expect(first).toMatchObject({ capacity: 2, peers: [] });
    const second = await b.join(name);
    expect(second.peers.map((peer) => peer.peerId)).toEqual([first.peerId]);
    await expect(c.join(name)).rejects.toMatchObject({ name: 'SignalingError', code: 'room-full' });
  });

  test('leave() hangs up every call, leaves the room and closes the signaling connection', async () => {
    const name = room();
    const [a, b] = [roomCall(), roomCall()];
    const removed: string[] = [];
    b.on('peer-removed', ({ peerId }) => removed.push(peerId));
    const joined = await a.join(name);
    await b.join(name);
    await expect.poll(() => [a.sessions.size, b.sessions.size]).toEqual([1, 1]);
    const session = [...a.sessions.values()][0]!;
    a.leave();
    expect(a.sessions.size).toBe(0);
    expect(session.pc.signalingState).toBe('closed');
    expect(a.signaling.state).toBe('closed');
    expect(a.signaling.socket.connected).toBe(false);
    // The other side hears "left" at once, not after the server's grace period.
    await expect.poll(() => removed).toEqual([joined.peerId]);
    a.leave(); // twice is harmless
  });

  test('closing the tab (pagehide) leaves the room', async () => {
    const call = roomCall();
    await call.join(room());
    dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(call.signaling.state).toBe('closed');
  });
});
