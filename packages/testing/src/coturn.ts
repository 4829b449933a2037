import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import {
  DEFAULT_QUOTAS,
  startCoturnProcess,
  turnCredentials,
  type CoturnProcess,
} from '@peerlab/server';

export { stunBinding } from '@peerlab/server';

export interface CoturnOptions {
  /** How long coturn may take to answer its first STUN request (default 10 s). */
  startTimeoutMs?: number;
  /** How many UDP ports coturn may hand out as relay addresses (default 50). */
  relayPorts?: number;
}

/** A running coturn on 127.0.0.1 that checks TURN REST credentials made from `secret`. */
export interface Coturn {
  /** `turn:127.0.0.1:PORT?transport=udp`: give it to the hub as `ice.turn.urls`. */
  url: string;
  port: number;
  /** coturn's static-auth-secret: give it to the hub as `ice.turn.secret`, never to a page. */
  secret: string;
  /** The coturn process now (it changes when `start()` starts it again). */
  readonly pid: number;
  /**
   * TURN REST credentials for it, as the hub mints them, valid for `ttlSeconds` from `nowMs`
   * (a `nowMs` in the past makes expired ones), for `userId` (a peer id, say).
   */
  credentials(
    ttlSeconds?: number,
    nowMs?: number,
    userId?: string,
  ): { username: string; credential: string };
  /** Stops coturn mid-test (a TURN outage); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  /** Starts coturn again after `stop()`: same port, same secret, same relay ports. */
  start(): Promise<void>;
  /** Stops coturn and removes its temporary files. */
  close(): Promise<void>;
}

/**
 * Starts Debian's coturn for a test, as `peerlab serve --turn` does: loopback only, a free
 * port, a fresh random secret, relaying to this machine allowed (the browsers are here).
 * Resolves once it answers a STUN Binding request.
 */
export async function startCoturn(options: CoturnOptions = {}): Promise<Coturn> {
  const { startTimeoutMs = 10_000, relayPorts = 50 } = options;
  const [port, minPort] = (await freeUdpPorts(2)) as [number, number];
  const secret = randomBytes(16).toString('hex');
  const settings = {
    listeningIps: ['127.0.0.1'],
    relayIp: '127.0.0.1',
    port,
    relayPorts: { min: minPort, max: Math.min(minPort + relayPorts - 1, 65_535) },
    tcp: false, // the URL says transport=udp: one free port to find, not two
    secret,
    realm: 'peerlab',
    peers: 'lan' as const,
    quotas: DEFAULT_QUOTAS,
  };
  let coturn: CoturnProcess | undefined = await startCoturnProcess(settings, { startTimeoutMs });
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    port,
    secret,
    get pid() {
      return coturn?.pid ?? 0;
    },
    credentials: (ttlSeconds = 600, nowMs = Date.now(), userId = 'peerlab') =>
      turnCredentials(secret, ttlSeconds, userId, nowMs),
    async stop() {
      await coturn?.close();
      coturn = undefined;
    },
    async start() {
      coturn ??= await startCoturnProcess(settings, { startTimeoutMs });
    },
    async close() {
      await coturn?.close();
      coturn = undefined;
    },
  };
}

/** `count` different UDP ports on 127.0.0.1 that nothing listens on right now. */
async function freeUdpPorts(count: number): Promise<number[]> {
  const sockets = Array.from({ length: count }, () => createSocket('udp4').bind(0, '127.0.0.1'));
  await Promise.all(sockets.map((socket) => once(socket, 'listening')));
  const ports = sockets.map((socket) => socket.address().port);
  sockets.forEach((socket) => socket.close());
  return ports;
}
