import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { DEFAULT_QUOTAS, startCoturnProcess, turnCredentials } from '@peerlab/server';

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
  /** The coturn process, to stop it mid-test (a TURN outage, say). */
  pid: number;
  /**
   * TURN REST credentials for it, as the hub mints them, valid for `ttlSeconds` from `nowMs`:
   * a `nowMs` in the past makes expired ones.
   */
  credentials(ttlSeconds?: number, nowMs?: number): { username: string; credential: string };
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
  const coturn = await startCoturnProcess(
    {
      listeningIps: ['127.0.0.1'],
      relayIp: '127.0.0.1',
      port,
      relayPorts: { min: minPort, max: Math.min(minPort + relayPorts - 1, 65_535) },
      tcp: false, // the URL says transport=udp: one free port to find, not two
      secret,
      realm: 'peerlab',
      peers: 'lan',
      quotas: DEFAULT_QUOTAS,
    },
    { startTimeoutMs },
  );
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    port,
    secret,
    pid: coturn.pid,
    credentials: (ttlSeconds = 600, nowMs = Date.now()) =>
      turnCredentials(secret, ttlSeconds, 'peerlab', nowMs),
    close: coturn.close,
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
