import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  IceConfigError,
  iceServersFor,
  parseIceServersJson,
  validateIceOptions,
  type IceOptions,
} from './ice-config.ts';

const SECRET = 'workshop-shared-secret';
const turn = { urls: ['turn:127.0.0.1:3478?transport=udp'], secret: SECRET };

describe('iceServersFor', () => {
  test('without configuration there are no ICE servers at all (no public STUN default)', () => {
    expect(iceServersFor({})).toEqual({ iceServers: [] });
  });

  test('lists configured servers as they are', () => {
    const servers = [{ urls: 'stun:stun.example.org:3478' }];
    expect(iceServersFor({ servers })).toEqual({ iceServers: servers });
  });

  test('adds TURN with coturn REST credentials that verify against the secret', () => {
    const now = Date.UTC(2030, 0, 1);
    const { iceServers, ttlSeconds } = iceServersFor(
      { servers: [{ urls: 'stun:10.0.0.1' }], turn: { ...turn, ttlSeconds: 600, userId: 'alice' } },
      now,
    );
    expect(ttlSeconds).toBe(600);
    expect(iceServers).toHaveLength(2);
    const server = iceServers[1]!;
    expect(server.urls).toEqual(turn.urls);
    const [expiry, user] = server.username!.split(':');
    expect(Number(expiry)).toBe(now / 1000 + 600);
    expect(user).toBe('alice');
    const expected = createHmac('sha1', SECRET).update(server.username!).digest('base64');
    expect(server.credential).toBe(expected);
    expect(JSON.stringify(iceServers)).not.toContain(SECRET);
  });

  test('credentials default to ten minutes and expire in the future', () => {
    const { iceServers, ttlSeconds } = iceServersFor({ turn });
    expect(ttlSeconds).toBe(600);
    const expiry = Number(iceServers[0]!.username!.split(':')[0]);
    expect(expiry).toBeGreaterThan(Date.now() / 1000 + 590);
    expect(iceServers[0]!.username).toMatch(/^\d+:peerlab$/);
  });

  test('credentials for a peer name it', () => {
    const { iceServers } = iceServersFor({ turn }, Date.UTC(2030, 0, 1), 'Xk3_peer-id');
    expect(iceServers[0]!.username).toBe(`${Date.UTC(2030, 0, 1) / 1000 + 600}:Xk3_peer-id`);
  });
});

describe('validateIceOptions', () => {
  const rejects = (options: IceOptions, message: RegExp) =>
    expect(() => validateIceOptions(options)).toThrow(message);

  test('accepts stun:, turn: and turns: URLs, including IPv6 hosts', () => {
    expect(() =>
      validateIceOptions({
        servers: [
          { urls: ['stun:10.0.0.1:3478', 'stun:[::1]'] },
          { urls: 'turns:turn.example.org:5349?transport=tcp', username: 'u', credential: 'c' },
        ],
        turn,
      }),
    ).not.toThrow();
  });

  test('rejects stun: URLs with ?transport=, which Chrome refuses', () => {
    rejects(
      { servers: [{ urls: 'stun:10.0.0.1?transport=udp' }] },
      /stun: URLs take no \?transport=/,
    );
  });

  test('rejects other schemes and malformed URLs', () => {
    rejects({ servers: [{ urls: 'http://stun.example.org' }] }, /not an ICE server URL/);
    rejects({ servers: [{ urls: 'stun:' }] }, /not an ICE server URL/);
    rejects(
      { servers: [{ urls: 'turn:host?transport=sctp', username: 'u', credential: 'c' }] },
      /not an ICE server URL/,
    );
  });

  test('rejects a listed TURN server without credentials', () => {
    rejects({ servers: [{ urls: 'turn:10.0.0.1' }] }, /needs a username and credential/);
  });

  test('rejects bad TURN settings', () => {
    rejects({ turn: { ...turn, urls: [] } }, /at least one turn: URL/);
    rejects({ turn: { ...turn, urls: ['stun:10.0.0.1'] } }, /not a TURN URL/);
    rejects({ turn: { ...turn, secret: '' } }, /non-empty shared secret/);
    rejects({ turn: { ...turn, ttlSeconds: 0 } }, /whole number of seconds/);
    rejects({ turn: { ...turn, ttlSeconds: 1.5 } }, /whole number of seconds/);
  });

  test('errors are IceConfigError', () => {
    expect(() => validateIceOptions({ servers: [{ urls: 'nope' }] })).toThrow(IceConfigError);
  });
});

describe('parseIceServersJson', () => {
  test('parses a JSON array of servers', () => {
    expect(
      parseIceServersJson(
        '[{"urls":"stun:10.0.0.1"},{"urls":["turn:t"],"username":"u","credential":"c"}]',
      ),
    ).toEqual([{ urls: 'stun:10.0.0.1' }, { urls: ['turn:t'], username: 'u', credential: 'c' }]);
  });

  test('explains invalid JSON and wrong shapes', () => {
    expect(() => parseIceServersJson('stun:10.0.0.1')).toThrow(/not valid JSON/);
    expect(() => parseIceServersJson('{"urls":"stun:a"}')).toThrow(/must be a JSON array/);
    expect(() => parseIceServersJson('[{"url":"stun:a"}]')).toThrow(/\[0\]: Unrecognized key/);
  });

  test('validates the URLs it parses', () => {
    expect(() => parseIceServersJson('[{"urls":"stun:a?transport=udp"}]')).toThrow(IceConfigError);
  });
});
