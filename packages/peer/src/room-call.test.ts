import { SignalingClient } from '@peerlab/signaling';
import { afterEach, describe, expect, inject, test } from 'vitest';
import { selectedPair } from './selected-path.ts';
import type { PeerSession } from './peer-session.ts';
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

/** A canvas's video track: a real MediaStream without a camera. */
function canvasStream(): MediaStream {
  const canvas = document.createElement('canvas');
  canvas.getContext('2d')!.fillRect(0, 0, 10, 10);
  return canvas.captureStream(10);
}

/** A RoomCall whose every call opens the `x` channel in its first offer. */
function roomCallWith(options: { localStream?: MediaStream } = {}): RoomCall {
  const signaling = new SignalingClient({ url: inject('signalingUrl') });
  const call = new RoomCall({ signaling, channels: [{ label: 'x', negotiatedId: 0 }], ...options });
  calls.push(call);
  return call;
}

/** Resolves once `call` has a spare whose offer is made and whose candidates are gathered. */
async function spareReady(call: RoomCall) {
  await expect.poll(() => call.spare?.pc.iceGatheringState).toBe('complete');
  expect(call.spare!.pc.localDescription?.type).toBe('offer');
  return call.spare!;
}

describe('RoomCall: the spare call', () => {
  test('the peer already in the room has the next call ready, and hands it to the newcomer', async () => {
    const name = room();
    const [a, b] = [roomCallWith(), roomCallWith()];
    await a.join(name, 3);
    const spare = await spareReady(a);
    expect(a.sessions.size).toBe(0); // a spare is no call yet
    let offeredAtHandover: string | undefined;
    a.on('peer-added', ({ session }) => (offeredAtHandover = session.pc.localDescription?.type));
    const { peerId } = await b.join(name);
    await expect.poll(() => a.sessions.get(peerId)).toBe(spare);
    expect(offeredAtHandover).toBe('offer'); // made before b was there
    await expect
      .poll(() => [...b.sessions.values()].map((s) => s.connectionState))
      .toEqual(['connected']);
    // Connected, with room for a third: the next spare is made.
    await expect.poll(() => a.spare !== undefined && a.spare !== spare).toBe(true);
  });

  test('declared channels are in the first offer: createChannel hands back the open one', async () => {
    const name = room();
    const [a, b] = [roomCallWith(), roomCallWith()];
    const opened: boolean[] = [];
    b.on('peer-added', ({ session }) => {
      const channel = session.createChannel('x', { negotiatedId: 0 });
      opened.push(channel === session.createChannel('x', { negotiatedId: 0 }));
      channel.on('json', (value) => opened.push(value === 'hi'));
    });
    a.on('peer-added', ({ session }) => {
      const channel = session.createChannel('x', { negotiatedId: 0 });
      channel.on('open', () => channel.sendJson('hi'));
    });
    await a.join(name);
    await spareReady(a);
    expect(a.spare!.pc.localDescription!.sdp).toContain('m=application');
    await b.join(name);
    await expect.poll(() => opened).toEqual([true, true]);
  });

  test('a full room keeps no spare; a peer leaving makes one again', async () => {
    const name = room();
    const [a, b] = [roomCallWith(), roomCallWith()];
    await a.join(name, 2);
    await spareReady(a);
    await b.join(name);
    await expect
      .poll(() => [...a.sessions.values()].map((s) => s.connectionState))
      .toEqual(['connected']);
    expect(a.spare).toBeUndefined();
    b.leave();
    await expect.poll(() => a.sessions.size).toBe(0);
    await spareReady(a);
  });

  test('the spare sends the tracks the stream holds when it is used, not when it was made', async () => {
    const name = room();
    const stream = canvasStream();
    const [a, b] = [roomCallWith({ localStream: stream }), roomCallWith()];
    await a.join(name);
    await spareReady(a);
    // A device switch swaps the stream's track, as switchDevice and screen sharing do.
    const [before] = stream.getVideoTracks();
    const after = canvasStream().getVideoTracks()[0]!;
    stream.removeTrack(before!);
    stream.addTrack(after);
    const { peerId } = await b.join(name);
    await expect
      .poll(() =>
        a.sessions
          .get(peerId)
          ?.pc.getSenders()
          .map((s) => s.track),
      )
      .toEqual([after]);
  });

  test('setLocalStream sends a stream that comes after the join, to calls under way', async () => {
    const name = room();
    const [a, b] = [roomCallWith(), roomCallWith()];
    await a.join(name);
    await b.join(name);
    await expect
      .poll(() => [...b.sessions.values()].map((s) => s.connectionState))
      .toEqual(['connected']);
    const stream = canvasStream();
    a.setLocalStream(stream);
    expect(a.localStream).toBe(stream);
    await expect
      .poll(() => [...b.sessions.values()][0]!.remoteStream.getVideoTracks().length)
      .toBe(1);
  });
});

describe('RoomCall: after a drop', () => {
  test('back after the grace period, under a new id: the old calls are hung up, new ones connect', async () => {
    const name = room();
    const a = roomCall();
    // Reconnects well after the test server's 300 ms grace period: the room forgets it.
    const signaling = new SignalingClient({
      url: inject('signalingUrl'),
      socket: { reconnectionDelay: 1_000, reconnectionDelayMax: 1_000, randomizationFactor: 0 },
    });
    const b = new RoomCall({ signaling });
    calls.push(b);
    for (const call of [a, b]) {
      call.on('peer-added', ({ session }) => session.createChannel('x', { negotiatedId: 0 }));
    }
    await a.join(name);
    const before = await b.join(name);
    await expect
      .poll(() => [...b.sessions.values()].map((s) => s.connectionState))
      .toEqual(['connected']);
    const old = [...b.sessions.values()][0]!;
    const rejoined = new Promise<{ peerId: string; resumed: boolean }>((resolve) =>
      signaling.once('joined', resolve),
    );
    (signaling.socket.io.engine as { close(): void }).close(); // the network drops
    const again = await rejoined;
    expect(again.resumed).toBe(false);
    expect(again.peerId).not.toBe(before.peerId);
    expect(old.pc.signalingState).toBe('closed');
    await expect
      .poll(() => [...b.sessions.values()].map((s) => s.connectionState))
      .toEqual(['connected']);
    await expect.poll(() => [...a.sessions.keys()]).toEqual([again.peerId]);
  });

  describe('with the hub’s TURN servers', () => {
    function turnCall(): RoomCall {
      const { url } = inject('turnSignaling');
      const call = new RoomCall({
        signaling: new SignalingClient({ url }),
        iceTransportPolicy: 'relay', // every path through coturn
        channels: [{ label: 'x', negotiatedId: 0 }],
      });
      calls.push(call);
      return call;
    }
    const onlySession = (call: RoomCall) => [...call.sessions.values()][0]!;
    const turnUser = (session: PeerSession) =>
      session.pc.getConfiguration().iceServers?.[0]?.username;

    test('a relay-only call uses the servers the hub gave each peer, credentials in its own name', async () => {
      const name = room();
      const [a, b] = [turnCall(), turnCall()];
      const joined = await a.join(name);
      await b.join(name);
      await expect.poll(() => a.sessions.size && onlySession(a).connectionState).toBe('connected');
      expect(turnUser(onlySession(a))).toMatch(new RegExp(`^\\d+:${joined.peerId}$`));
      expect((await selectedPair(onlySession(a).pc))?.local).toBe('relay');
    });

    test('credentials are renewed before they run out, and an ICE restart after that still relays', async () => {
      const { ttlSeconds } = inject('turnSignaling');
      const name = room();
      const [a, b] = [turnCall(), turnCall()];
      const errors: Error[] = [];
      for (const call of [a, b]) call.on('error', (error) => errors.push(error));
      await a.join(name);
      await b.join(name);
      await expect.poll(() => a.sessions.size && onlySession(a).connectionState).toBe('connected');
      const session = onlySession(a);
      const first = turnUser(session)!;
      // Renewed at 80% of their life, while the call goes on.
      await expect
        .poll(() => turnUser(session), { timeout: ttlSeconds * 1_000 + 2_000 })
        .not.toBe(first);
      // Once the first ones have expired, coturn would refuse them for a new allocation.
      const expiry = Number(first.split(':')[0]) * 1_000;
      await expect
        .poll(() => Date.now() > expiry, { timeout: ttlSeconds * 1_000 + 2_000 })
        .toBe(true);
      const ufrag = () => /a=ice-ufrag:(\S+)/.exec(session.pc.localDescription?.sdp ?? '')?.[1];
      const before = ufrag();
      await session.restartIce();
      await expect.poll(ufrag).not.toBe(before);
      await expect.poll(() => session.pc.iceConnectionState).toMatch(/^(connected|completed)$/);
      expect((await selectedPair(session.pc))?.local).toBe('relay');
      expect(errors).toEqual([]);
    });
  });
});
