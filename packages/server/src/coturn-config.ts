/** What a coturn started by PeerLab does; `coturnConfig` turns it into a `turnserver.conf`. */
export interface CoturnSettings {
  /** Addresses to listen on, such as `0.0.0.0` or `127.0.0.1`. */
  listeningIps: string[];
  /** The address relayed traffic leaves from; coturn picks one when unset. */
  relayIp?: string;
  /** The public address, when coturn sits behind NAT (a cloud VM, say). */
  externalIp?: string;
  /** UDP (and TCP) port for `turn:` URLs; 3478 is the standard one. */
  port: number;
  /** The UDP ports relays are made on: open these in the firewall. */
  relayPorts: { min: number; max: number };
  /** Also accept TURN over TCP on `port` (for networks that block UDP). */
  tcp: boolean;
  /** coturn's `static-auth-secret`: only the hub and coturn know it. */
  secret: string;
  realm: string;
  /**
   * Which peers a relay may send to. `public`: public addresses only, the setting for a TURN
   * server on the Internet, so nobody can use it to reach the networks behind it. `lan`:
   * also private networks and this machine, for a hub in a classroom (and for tests).
   */
  peers: 'public' | 'lan';
  /** `turns:` on `tls.port` with this certificate. */
  tls?: { certFile: string; keyFile: string; port: number };
  /** Caps per user (one credential; 0: none) and for the whole server. */
  quotas: { allocationsPerUser: number; allocationsTotal: number; bytesPerSecond: number };
  /** Where coturn keeps its pid file and database: a folder of its own. */
  dir: string;
}

/** Production caps. */
export const DEFAULT_QUOTAS: CoturnSettings['quotas'] = {
  // None per credential: the hub's credentials are `expiry:peerlab`, the same for every page
  // that asked in the same second, so a cap per credential would count a classroom as one.
  allocationsPerUser: 0,
  allocationsTotal: 1_200,
  // 4 Mbit/s each way per relay: an HD call fits, a bulk transfer does not take it all.
  bytesPerSecond: 500_000,
};

/**
 * Addresses a public TURN server must not relay to (coturn has no such defaults): private and
 * shared networks, this machine, link-local (cloud metadata lives at 169.254.169.254),
 * documentation, benchmarking, multicast and reserved ranges, for IPv4 and IPv6.
 */
export const DENIED_PEER_RANGES = [
  '0.0.0.0-0.255.255.255',
  '10.0.0.0-10.255.255.255',
  '100.64.0.0-100.127.255.255',
  '127.0.0.0-127.255.255.255',
  '169.254.0.0-169.254.255.255',
  '172.16.0.0-172.31.255.255',
  '192.0.0.0-192.0.0.255',
  '192.0.2.0-192.0.2.255',
  '192.88.99.0-192.88.99.255',
  '192.168.0.0-192.168.255.255',
  '198.18.0.0-198.19.255.255',
  '198.51.100.0-198.51.100.255',
  '203.0.113.0-203.0.113.255',
  '224.0.0.0-255.255.255.255',
  '::1',
  '::ffff:0.0.0.0-::ffff:255.255.255.255',
  '64:ff9b::-64:ff9b::ffff:ffff',
  'fc00::-fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
  'fe80::-febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
  'ff00::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
];

/**
 * The `turnserver.conf` for `settings`: REST credentials from a shared secret (the hub mints
 * short-lived ones), the peer ranges and caps, and no listener nobody asked for (no CLI, no
 * DTLS, TLS only with a certificate). The secret is in this text: write it to a file only
 * its owner can read, never to a command line (`ps` shows those to every user).
 */
export function coturnConfig(settings: CoturnSettings): string {
  const { quotas, tls } = settings;
  const lines = [
    '# Written by `peerlab`; see docs/servers.md, "TURN".',
    ...settings.listeningIps.map((ip) => `listening-ip=${ip}`),
    `listening-port=${settings.port}`,
    ...(settings.relayIp ? [`relay-ip=${settings.relayIp}`] : []),
    ...(settings.externalIp ? [`external-ip=${settings.externalIp}`] : []),
    `min-port=${settings.relayPorts.min}`,
    `max-port=${settings.relayPorts.max}`,
    ...(settings.tcp ? [] : ['no-tcp']),
    'use-auth-secret',
    `static-auth-secret=${settings.secret}`,
    `realm=${settings.realm}`,
    'fingerprint',
    'stale-nonce=600',
    ...(quotas.allocationsPerUser > 0 ? [`user-quota=${quotas.allocationsPerUser}`] : []),
    `total-quota=${quotas.allocationsTotal}`,
    `max-bps=${quotas.bytesPerSecond}`,
    'no-multicast-peers',
    ...(settings.peers === 'public'
      ? DENIED_PEER_RANGES.map((range) => `denied-peer-ip=${range}`)
      : // Calls between machines of one network, or tabs of one machine, relay to those.
        ['allow-loopback-peers']),
    ...(tls
      ? [`tls-listening-port=${tls.port}`, `cert=${tls.certFile}`, `pkey=${tls.keyFile}`]
      : ['no-tls']),
    'no-dtls', // browsers never speak TURN over DTLS
    'no-cli',
    'no-software-attribute',
    'log-file=stdout',
    'simple-log',
    `pidfile=${settings.dir}/turnserver.pid`,
    `userdb=${settings.dir}/turndb`,
  ];
  return `${lines.join('\n')}\n`;
}
