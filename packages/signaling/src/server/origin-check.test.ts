import { describe, expect, test } from 'vitest';
import {
  checkOrigin,
  originRefusal,
  type OriginPolicy,
  type OriginVerdict,
} from './origin-check.ts';

const hub: OriginPolicy = {
  servedOrigins: [
    'http://localhost:8080',
    'http://127.0.0.1:8080',
    'http://[::1]:8080',
    'http://192.168.1.20:8080',
    'https://peerlab.example.org',
  ],
  allowedOrigins: ['http://class.example:3000'],
};

describe('checkOrigin', () => {
  test.each<[string | undefined, string | undefined, OriginVerdict, string]>([
    // [Host, Origin, verdict, why]
    ['127.0.0.1:8080', undefined, 'allowed', 'a CLI or test client on a served name'],
    ['127.0.0.1:8080', 'http://127.0.0.1:8080', 'allowed', 'a page of the hub itself'],
    ['127.0.0.1:8080', 'http://localhost:8080', 'allowed', 'another served name of the hub'],
    ['192.168.1.20:8080', 'http://192.168.1.20:8080', 'allowed', 'its LAN address'],
    ['peerlab.example.org', 'https://peerlab.example.org', 'allowed', 'its public URL'],
    [
      'peerlab.example.org:443',
      'https://peerlab.example.org',
      'allowed',
      'the explicit default port',
    ],
    ['127.0.0.1:8080', 'http://class.example:3000', 'allowed', 'an allowed origin'],
    ['class.example:3000', 'http://class.example:3000', 'allowed', 'an allowed origin’s proxy'],
    [
      'localhost:5173',
      'http://localhost:5173',
      'allowed',
      'a dev server on this machine, proxying',
    ],
    ['127.0.0.2:9999', undefined, 'allowed', 'any 127.x name on any port'],
    ['[::1]:1234', undefined, 'allowed', 'IPv6 loopback on any port'],
    ['evil.example:8080', 'http://evil.example:8080', 'host-not-served', 'DNS rebinding'],
    ['evil.example:8080', undefined, 'host-not-served', 'a name the hub does not serve'],
    ['127.0.0.1.evil.example:8080', undefined, 'host-not-served', 'a name that only looks local'],
    ['localhost.evil.example', undefined, 'host-not-served', 'another'],
    ['192.168.1.20:9090', undefined, 'host-not-served', 'a served name on another port'],
    ['127.0.0.1@evil.example', undefined, 'host-not-served', 'a malformed Host'],
    [undefined, undefined, 'host-not-served', 'no Host at all'],
    ['127.0.0.1:8080', 'http://evil.example', 'origin-not-allowed', 'a page of another site'],
    ['127.0.0.1:8080', 'https://127.0.0.1:8080', 'origin-not-allowed', 'the wrong scheme'],
    ['peerlab.example.org', 'http://peerlab.example.org', 'origin-not-allowed', 'http, not https'],
    ['127.0.0.1:8080', 'http://localhost:3000', 'origin-not-allowed', 'another local port'],
    ['localhost:5173', 'http://localhost:3000', 'origin-not-allowed', 'not the proxy’s own page'],
    ['127.0.0.1:8080', 'null', 'origin-not-allowed', 'a sandboxed page'],
    ['127.0.0.1:8080', 'file://', 'origin-not-allowed', 'a file'],
  ])('Host %s, Origin %s → %s (%s)', (host, origin, verdict) => {
    expect(checkOrigin({ host, origin }, hub)).toBe(verdict);
  });

  test('* allows any page, but the Host must still be served', () => {
    const anyPage: OriginPolicy = { ...hub, allowedOrigins: ['*'] };
    expect(checkOrigin({ host: '127.0.0.1:8080', origin: 'http://evil.example' }, anyPage)).toBe(
      'allowed',
    );
    expect(checkOrigin({ host: 'evil.example', origin: 'http://evil.example' }, anyPage)).toBe(
      'host-not-served',
    );
  });

  test('without served origins, only loopback names are served', () => {
    const bare: OriginPolicy = { servedOrigins: [], allowedOrigins: [] };
    expect(checkOrigin({ host: 'localhost:4000' }, bare)).toBe('allowed');
    expect(checkOrigin({ host: '10.0.0.5:4000' }, bare)).toBe('host-not-served');
  });
});

describe('originRefusal', () => {
  test('names the fix: --public-url for a Host, --origin for an Origin', () => {
    expect(originRefusal({ host: 'evil.example:8080' }, hub)).toMatchObject({
      code: 'origin-not-allowed',
      message: expect.stringMatching(/"evil\.example:8080".*--public-url/),
    });
    expect(
      originRefusal({ host: '127.0.0.1:8080', origin: 'http://evil.example' }, hub),
    ).toMatchObject({
      code: 'origin-not-allowed',
      message: expect.stringContaining('--origin http://evil.example'),
    });
    expect(originRefusal({ host: '127.0.0.1:8080' }, hub)).toBeUndefined();
  });
});
