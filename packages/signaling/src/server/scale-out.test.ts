import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { SignalingErrorPayload } from '../errors.ts';
import type { JoinedResult, PeerLeft } from '../protocol.ts';
import { join, nextRelay, startTwoNodes, type TwoNodes } from './test-support/two-nodes.ts';

// Two signaling servers sharing one real redis-server, and raw socket.io clients: a peer on
// node 0 and a peer on node 1 must behave as if they were on one hub.
let cluster: TwoNodes;
let rooms = 0;
/** A fresh room name per test, so tests sharing the cluster cannot meet. */
const freshRoom = () => `scale-${++rooms}`;

beforeAll(async () => {
  cluster = await startTwoNodes({ maxRoomsPerAddress: 100 });
});
afterAll(() => cluster.close());

async function joined(node: 0 | 1, room: string, capacity?: number) {
  const socket = await cluster.connect(node);
  const reply = await join(socket, room, capacity === undefined ? {} : { capacity });
  if (!reply.ok) throw new Error(`join refused: ${reply.error.code}`);
  return { socket, peer: reply };
}

function nextEvent<T>(socket: Socket, event: string): Promise<T> {
  return new Promise((resolve) => socket.once(event, resolve));
}

test('a peer on each node: roles, offer, answer and candidates cross, then leave', async () => {
  const room = freshRoom();
  const alice = await joined(0, room);
  const heardJoin = nextEvent(alice.socket, 'peer-joined');
  const bob = await joined(1, room);
  expect(bob.peer.peers).toEqual([{ peerId: alice.peer.peerId, polite: true }]);
  expect(await heardJoin).toEqual({ peerId: bob.peer.peerId, polite: false });

  const offer = { kind: 'description', description: { type: 'offer', sdp: 'v=0 offer' } };
  const atBob = nextRelay(bob.socket);
  alice.socket.emit('relay', { to: bob.peer.peerId, payload: offer });
  expect(await atBob).toEqual({ from: alice.peer.peerId, payload: offer });

  const answer = { kind: 'description', description: { type: 'answer', sdp: 'v=0 answer' } };
  const atAlice = nextRelay(alice.socket);
  bob.socket.emit('relay', { to: alice.peer.peerId, payload: answer });
  expect(await atAlice).toEqual({ from: bob.peer.peerId, payload: answer });

  // Without `to`: everyone else in the room, on whichever node.
  const candidate = { kind: 'candidate', candidate: { candidate: 'candidate:1', sdpMid: '0' } };
  const broadcast = nextRelay(bob.socket);
  alice.socket.emit('relay', { payload: candidate });
  expect(await broadcast).toEqual({ from: alice.peer.peerId, payload: candidate });

  const left = nextEvent<PeerLeft>(alice.socket, 'peer-left');
  bob.socket.emit('leave');
  expect(await left).toEqual({ peerId: bob.peer.peerId, reason: 'left' });
});

test('the last seat, asked for on both nodes at once, goes to exactly one peer', async () => {
  // Ten rooms of two, each with one peer seated, and two newcomers per room racing.
  const races = await Promise.all(
    Array.from({ length: 10 }, async () => {
      const room = freshRoom();
      await joined(0, room, 2);
      const [first, second] = await Promise.all([cluster.connect(0), cluster.connect(1)]);
      return Promise.all([join(first, room), join(second, room)]);
    }),
  );
  for (const replies of races) {
    expect(replies.filter((reply) => reply.ok)).toHaveLength(1);
    const refused = replies.find((reply) => !reply.ok) as { error: SignalingErrorPayload };
    expect(refused.error.code).toBe('room-full');
  }
});

test('a relay to a peer id of another room is refused on the other node too', async () => {
  const roomA = freshRoom();
  const alice = await joined(0, roomA);
  const bob = await joined(0, roomA);
  const mallory = await joined(1, freshRoom());
  const heard: unknown[] = [];
  alice.socket.on('relay', (signal) => heard.push(signal));

  const refusal = nextEvent<SignalingErrorPayload>(mallory.socket, 'error');
  const payload = { kind: 'message', body: 'not for you' };
  mallory.socket.emit('relay', { to: alice.peer.peerId, payload });
  expect(await refusal).toMatchObject({ code: 'unknown-peer', event: 'relay' });

  // Bob's message comes after Mallory's was handled: by then hers would have arrived.
  const fromBob = nextRelay(alice.socket);
  bob.socket.emit('relay', { to: alice.peer.peerId, payload: { kind: 'message', body: 'hi' } });
  await fromBob;
  expect(heard).toEqual([{ from: bob.peer.peerId, payload: { kind: 'message', body: 'hi' } }]);
});

test('a peer that drops and rejoins on the other node keeps its peer id and role', async () => {
  const room = freshRoom();
  const alice = await joined(0, room);
  const bob = await joined(1, room);
  const heardByBob: string[] = [];
  bob.socket.on('peer-joined', () => heardByBob.push('peer-joined'));
  bob.socket.on('peer-left', () => heardByBob.push('peer-left'));

  alice.socket.disconnect();
  const back = await cluster.connect(1);
  const resume = { peerId: alice.peer.peerId, token: alice.peer.token };
  const reply = (await join(back, room, { resume })) as JoinedResult;
  expect(reply).toMatchObject({ ok: true, peerId: alice.peer.peerId, resumed: true });
  expect(reply.peers).toEqual([{ peerId: bob.peer.peerId, polite: false }]);

  const atAlice = nextRelay(back);
  bob.socket.emit('relay', { to: alice.peer.peerId, payload: { kind: 'message', body: 1 } });
  expect(await atAlice).toMatchObject({ from: bob.peer.peerId });
  // Past the grace period Alice's absence began: the rejoin ended it, nobody heard a thing.
  await new Promise((resolve) => setTimeout(resolve, 400));
  expect(heardByBob).toEqual([]);

  // Redis holds a hash of the resume token, never the token.
  const stored = JSON.stringify(await cluster.redis.client.hgetall(`peerlab:room:${room}`));
  expect(stored).toContain(alice.peer.peerId);
  expect(stored).not.toContain(alice.peer.token);
});

test('a resume on the other node disconnects the socket that held the peer id', async () => {
  const room = freshRoom();
  const alice = await joined(0, room);
  const dropped = nextEvent<string>(alice.socket, 'disconnect');
  const twin = await cluster.connect(1);
  const resume = { peerId: alice.peer.peerId, token: alice.peer.token };
  expect(await join(twin, room, { resume })).toMatchObject({ ok: true, resumed: true });
  expect(await dropped).toBe('io server disconnect');
});

test('a wrong resume token gets a new peer id, not the old one', async () => {
  const room = freshRoom();
  const alice = await joined(0, room);
  const impostor = await cluster.connect(1);
  const resume = { peerId: alice.peer.peerId, token: 'x'.repeat(43) };
  const reply = await join(impostor, room, { resume });
  expect(reply).toMatchObject({ ok: true, resumed: false });
  expect((reply as JoinedResult).peerId).not.toBe(alice.peer.peerId);
});

test('a peer that never comes back leaves after the grace period, and frees its seat', async () => {
  const room = freshRoom();
  const alice = await joined(0, room, 2);
  const bob = await joined(1, room, 2);
  const left = nextEvent<PeerLeft>(alice.socket, 'peer-left');
  bob.socket.disconnect();
  expect(await left).toEqual({ peerId: bob.peer.peerId, reason: 'disconnected' });
  const carol = await cluster.connect(1);
  expect(await join(carol, room)).toMatchObject({ ok: true });
});
