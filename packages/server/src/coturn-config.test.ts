import { describe, expect, test } from 'vitest';
import {
  coturnConfig,
  DEFAULT_QUOTAS,
  DENIED_PEER_RANGES,
  type CoturnSettings,
} from './coturn-config.ts';

const settings: CoturnSettings = {
  listeningIps: ['0.0.0.0'],
  port: 3478,
  relayPorts: { min: 49152, max: 49999 },
  tcp: true,
  secret: 's3cret',
  realm: 'peerlab',
  peers: 'public',
  quotas: DEFAULT_QUOTAS,
  dir: '/run/peerlab-coturn',
};
const lines = (changes: Partial<CoturnSettings> = {}) =>
  coturnConfig({ ...settings, ...changes })
    .trimEnd()
    .split('\n');

describe('coturnConfig', () => {
  test('REST credentials from the shared secret, caps, and no listener nobody asked for', () => {
    const config = lines();
    expect(config).toEqual(
      expect.arrayContaining([
        'listening-ip=0.0.0.0',
        'listening-port=3478',
        'min-port=49152',
        'max-port=49999',
        'use-auth-secret',
        'static-auth-secret=s3cret',
        'realm=peerlab',
        'total-quota=1200',
        'max-bps=500000',
        'no-multicast-peers',
        'no-tls',
        'no-dtls',
        'no-cli',
        'pidfile=/run/peerlab-coturn/turnserver.pid',
      ]),
    );
    expect(config).not.toContain('no-tcp');
    expect(config.some((line) => line.startsWith('user-quota='))).toBe(false);
    const quotas = { ...DEFAULT_QUOTAS, allocationsPerUser: 12 };
    expect(lines({ quotas })).toContain('user-quota=12');
    expect(lines({ tcp: false })).toContain('no-tcp');
  });

  test('a public server relays to no private, loopback, link-local or multicast address', () => {
    const denied = lines()
      .filter((line) => line.startsWith('denied-peer-ip='))
      .map((line) => line.slice('denied-peer-ip='.length));
    expect(denied).toEqual(DENIED_PEER_RANGES);
    for (const range of [
      '10.0.0.0-',
      '127.0.0.0-',
      '169.254.0.0-',
      '172.16.0.0-',
      '192.168.0.0-',
    ]) {
      expect(denied.some((entry) => entry.startsWith(range))).toBe(true);
    }
    for (const range of ['::1', 'fc00::-', 'fe80::-']) {
      expect(denied.some((entry) => entry.startsWith(range))).toBe(true);
    }
    expect(lines()).not.toContain('allow-loopback-peers');
  });

  test('a classroom (lan) server may relay to this machine and its network', () => {
    const config = lines({ peers: 'lan' });
    expect(config).toContain('allow-loopback-peers');
    expect(config.some((line) => line.startsWith('denied-peer-ip='))).toBe(false);
  });

  test('turns: with a certificate; the relay and public addresses when given', () => {
    const config = lines({
      tls: { certFile: '/etc/ssl/turn.pem', keyFile: '/etc/ssl/turn.key', port: 5349 },
      relayIp: '10.0.0.5',
      externalIp: '203.0.113.7',
    });
    expect(config).toEqual(
      expect.arrayContaining([
        'tls-listening-port=5349',
        'cert=/etc/ssl/turn.pem',
        'pkey=/etc/ssl/turn.key',
        'relay-ip=10.0.0.5',
        'external-ip=203.0.113.7',
      ]),
    );
    expect(config).not.toContain('no-tls');
  });
});
