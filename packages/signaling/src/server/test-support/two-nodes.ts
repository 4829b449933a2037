import { io, type Socket } from 'socket.io-client';
import type { JoinReply, RelayedSignal } from '../../protocol.ts';
import type { SignalingServerOptions } from '../signaling-options.ts';
import { startSignaling, type SignalingHarness } from './signaling-harness.ts';
import { startRedisServer, type RedisServer } from './redis-server.ts';

/** Two signaling servers (two nodes) on their own ports, sharing one real redis-server. */
export interface TwoNodes {
  redis: RedisServer;
  nodes: [SignalingHarness, SignalingHarness];
  /** A raw socket.io client of node 0 or 1, connected. */
  connect(node: 0 | 1): Promise<Socket>;
  close(): Promise<void>;
}

export async function startTwoNodes(
  options: Partial<SignalingServerOptions> = {},
): Promise<TwoNodes> {
  const redis = await startRedisServer();
  const settings = { graceMs: 300, ...options, redisUrl: redis.url };
  const nodes: [SignalingHarness, SignalingHarness] = [
    await startSignaling(settings),
    await startSignaling(settings),
  ];
  await Promise.all(nodes.map((node) => node.signaling.ready));
  const sockets: Socket[] = [];
  return {
    redis,
    nodes,
    async connect(node) {
      const socket = io(nodes[node].url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      await new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(undefined));
        socket.once('connect_error', reject);
      });
      return socket;
    },
    async close() {
      for (const socket of sockets) socket.disconnect();
      await Promise.all(nodes.map((node) => node.close()));
      await redis.stop();
    },
  };
}

/** Joins `room` with the raw protocol, optionally resuming; resolves with the server's reply. */
export function join(
  socket: Socket,
  room: string,
  extra: { capacity?: number; resume?: { peerId: string; token: string } } = {},
): Promise<JoinReply> {
  return socket.emitWithAck('join', { v: 1, room, ...extra }) as Promise<JoinReply>;
}

export function nextRelay(socket: Socket): Promise<RelayedSignal> {
  return new Promise((resolve) => socket.once('relay', resolve));
}
