import { randomBytes } from 'node:crypto';
import { networkInterfaces } from 'node:os';
import { DEFAULT_QUOTAS } from './coturn-config.ts';
import { startCoturnProcess } from './coturn-process.ts';
import type { TurnOptions } from './ice-config.ts';
import { lanAddresses } from './startup-banner.ts';

/** A coturn beside the hub, for `peerlab serve --turn`. */
export interface LocalTurn {
  /** What the hub needs to mint credentials for it (`HubOptions.ice.turn`). */
  turn: TurnOptions;
  close(): Promise<void>;
}

/** Relay ports for a classroom: one call takes a few, 256 is plenty. */
const RELAY_PORTS = { min: 49_152, max: 49_407 };

/**
 * Starts coturn on the hub's address with a fresh secret that never leaves this process
 * (coturn reads it from a file only this user can read). It relays between the machines of
 * this network and this machine's own tabs, which a public TURN server must never do: see
 * `peerlab turn` for that one.
 */
export async function startLocalTurn(host: string, port: number): Promise<LocalTurn> {
  const everywhere = host === '0.0.0.0' || host === '::';
  // Browsers on other machines reach it by the network address the hub prints first.
  const urlHost = everywhere ? (lanAddresses(networkInterfaces())[0] ?? '127.0.0.1') : host;
  const secret = randomBytes(24).toString('base64url');
  const coturn = await startCoturnProcess({
    listeningIps: [everywhere ? '0.0.0.0' : host],
    ...(everywhere ? {} : { relayIp: host }),
    port,
    relayPorts: RELAY_PORTS,
    tcp: true,
    secret,
    realm: 'peerlab',
    peers: 'lan',
    quotas: DEFAULT_QUOTAS,
  });
  const name = urlHost.includes(':') ? `[${urlHost}]` : urlHost; // IPv6 in brackets
  const urls = ['udp', 'tcp'].map((transport) => `turn:${name}:${port}?transport=${transport}`);
  return { turn: { urls, secret }, close: coturn.close };
}
