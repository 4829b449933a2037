import { PROTOCOL_VERSION, type JoinedResult, type PeerLeft } from '@peerlab/signaling';
import { startRedisServer, type RedisServer } from '@peerlab/signaling/test-support/redis-server';
import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { HubOptions } from './hub.ts';
import { createFixtureRepo, type FixtureRepo } from './test-support/fixture-repo.ts';
import { startHubNode, type HubNode } from './test-support/hub-node.ts';

// Hub processes sharing one real redis-server, killed and restarted for real, and raw
// socket.io clients that rejoin by themselves (as the page's client does) on a live node.
let redis: RedisServer;
let repo: FixtureRepo;
const nodes: HubNode[] = [];
const sockets: Socket[] = [];

beforeEach(async () => {
  redis = await startRedisServer();
  repo = createFixtureRepo([]);
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await Promise.all(nodes.splice(0).map((node) => node.stop('SIGKILL')));
  await redis.stop();
  repo.remove();
});

/**
 * A node whose peers, once it dies, are swept after 1.5 s of silence and `graceMs` (1 s) of
 * grace: short, so a test sees a dead node's seats freed within seconds.
 */
async function startNode(port = 0, graceMs = 1_000): Promise<HubNode> {
  const options: HubOptions = {
    port,
    rootDir: repo.rootDir,
    signaling: { redisUrl: redis.url, graceMs, nodeTtlMs: 1_500 },
  };
  const node = await startHubNode(options);
  nodes.push(node);
  return node;
}

async function connect(node: HubNode): Promise<Socket> {
  const socket = io(node.url, { transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  await new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(undefined));
    socket.once('connect_error', reject);
  });
  return socket;
}

async function join(
  socket: Socket,
  room: string,
  resume?: { peerId: string; token: string },
): Promise<JoinedResult> {
  const reply = await socket.emitWithAck('join', {
    v: PROTOCOL_VERSION,
    room,
    capacity: 3,
    ...(resume && { resume }),
  });
  if (!reply.ok) throw new Error(`join refused: ${reply.error.code}`);
  return reply;
}

const resumeOf = (peer: JoinedResult) => ({ peerId: peer.peerId, token: peer.token });

test(
  'a killed node: its peers rejoin on the live node with their ids, the lost one leaves',
  { timeout: 60_000 },
  async () => {
    // 3 s of grace: Alice's rejoin below surely comes before Bob's seat is swept.
    const [doomed, live] = [await startNode(0, 3_000), await startNode(0, 3_000)];
    const alice = await join(await connect(doomed), 'lab');
    const bob = await join(await connect(doomed), 'lab');
    const carolSocket = await connect(live);
    const carol = await join(carolSocket, 'lab');
    const left: PeerLeft[] = [];
    carolSocket.on('peer-left', (peer: PeerLeft) => left.push(peer));

    await doomed.stop('SIGKILL');
    // Alice comes back on the live node; Bob never does. The room is full until he leaves.
    const back = await join(await connect(live), 'lab', resumeOf(alice));
    expect(back).toMatchObject({ peerId: alice.peerId, resumed: true });
    expect(back.peers.map((peer) => peer.peerId).sort()).toEqual([bob.peerId, carol.peerId].sort());
    await expect(join(await connect(live), 'lab')).rejects.toThrow('room-full');

    await expect
      .poll(() => left, { timeout: 20_000, interval: 100 })
      .toEqual([{ peerId: bob.peerId, reason: 'disconnected' }]);
    const dave = await join(await connect(live), 'lab');
    expect(dave.peers.map((peer) => peer.peerId).sort()).toEqual(
      [alice.peerId, carol.peerId].sort(),
    );
  },
);

test(
  'a hub restarted mid-call: the room is still in Redis, both peers rejoin with their ids',
  { timeout: 60_000 },
  async () => {
    // The default grace period (5 s) and more: a hub process can take seconds to start on a
    // busy machine, and peers must come back within the grace period to keep their ids.
    const graceMs = 20_000;
    const hub = await startNode(0, graceMs);
    const alice = await join(await connect(hub), 'lab');
    const bob = await join(await connect(hub), 'lab');
    await hub.stop('SIGTERM');

    const restarted = await startNode(hub.port, graceMs);
    const aliceBack = await join(await connect(restarted), 'lab', resumeOf(alice));
    const bobBack = await join(await connect(restarted), 'lab', resumeOf(bob));
    expect(aliceBack).toMatchObject({ peerId: alice.peerId, resumed: true, capacity: 3 });
    expect(bobBack).toMatchObject({ peerId: bob.peerId, resumed: true });
    // Roles hold: Bob joined second, so he stays the polite one.
    expect(bobBack.peers).toEqual([{ peerId: alice.peerId, polite: true }]);
  },
);
