import { describe, expect, test } from 'vitest';
import { parseServeOptions, UsageError } from './serve-options.ts';

const parse = (args: string[], env: Record<string, string> = {}) => parseServeOptions(args, env);
const fails = (args: string[], env: Record<string, string>, message: string | RegExp) => {
  expect(() => parse(args, env)).toThrow(UsageError);
  expect(() => parse(args, env)).toThrow(message);
};

describe('parseServeOptions', () => {
  test('no flags and no environment: the hub defaults', () => {
    expect(parse([])).toEqual({});
  });

  test('reads every flag', () => {
    expect(
      parse([
        '--port=0',
        '--host',
        '0.0.0.0',
        '--root',
        '/srv/peerlab',
        '--origin',
        'http://localhost:5173',
        '--origin',
        'https://a.example,https://b.example/',
        '--room-capacity',
        '4',
        '--ice-servers',
        '[{"urls":"stun:10.0.0.1:3478"}]',
        '--turn-url',
        'turn:10.0.0.1:3478?transport=udp, turns:10.0.0.1:5349',
        '--turn-secret',
        's3cret',
        '--turn-ttl',
        '600',
      ]),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      rootDir: '/srv/peerlab',
      allowedOrigins: ['http://localhost:5173', 'https://a.example', 'https://b.example'],
      signaling: { defaultCapacity: 4, maxCapacity: 16 },
      ice: {
        servers: [{ urls: 'stun:10.0.0.1:3478' }],
        turn: {
          urls: ['turn:10.0.0.1:3478?transport=udp', 'turns:10.0.0.1:5349'],
          secret: 's3cret',
          ttlSeconds: 600,
        },
      },
    });
  });

  test('falls back to environment variables', () => {
    expect(
      parse([], {
        PORT: '9000',
        HOST: '::',
        PEERLAB_ROOT: '/srv/peerlab',
        PEERLAB_ORIGINS: 'https://a.example, *',
        PEERLAB_ROOM_CAPACITY: '32',
        PEERLAB_ICE_SERVERS: '[]',
        PEERLAB_TURN_URLS: 'turn:t.example',
        PEERLAB_TURN_SECRET: 'x',
        PEERLAB_TURN_TTL: '60',
      }),
    ).toEqual({
      port: 9000,
      host: '::',
      rootDir: '/srv/peerlab',
      allowedOrigins: ['https://a.example', '*'],
      signaling: { defaultCapacity: 32, maxCapacity: 32 },
      ice: { servers: [], turn: { urls: ['turn:t.example'], secret: 'x', ttlSeconds: 60 } },
    });
  });

  test('flags win over the environment, and empty variables count as unset', () => {
    expect(
      parse(['--port', '1234', '--origin', 'https://flag.example'], {
        PORT: '9000',
        HOST: '',
        PEERLAB_ORIGINS: 'https://env.example',
      }),
    ).toEqual({ port: 1234, allowedOrigins: ['https://flag.example'] });
  });

  test('rejects unknown flags, missing values and stray arguments', () => {
    fails(['--prot', '1'], {}, 'Unknown option --prot; run peerlab --help for the list.');
    fails(['--port'], {}, '--port needs a value.');
    fails(['--host', ''], {}, '--host needs a value.');
    fails(['extra'], {}, 'Unexpected argument extra');
  });

  test('rejects bad numbers and names where they came from', () => {
    fails(['--port', '70000'], {}, '--port must be a port number from 0 to 65535; got "70000".');
    fails([], { PORT: 'eighty' }, 'PORT must be a port number from 0 to 65535; got "eighty".');
    fails(['--room-capacity', '1'], {}, '--room-capacity must be a room size from 2 to 64');
    fails([], { PEERLAB_ROOM_CAPACITY: '2.5' }, 'PEERLAB_ROOM_CAPACITY must be a room size');
    fails(
      ['--turn-url', 'turn:t', '--turn-secret', 's', '--turn-ttl', '0'],
      {},
      '--turn-ttl must be a number of seconds at least 1',
    );
  });

  test('--rate-limit and PEERLAB_RATE_LIMIT set how many events per second a connection may send', () => {
    expect(parse(['--rate-limit', '5000'])).toEqual({
      signaling: { rateLimit: { points: 5000, durationSeconds: 1 } },
    });
    expect(parse(['--room-capacity', '4'], { PEERLAB_RATE_LIMIT: '20' }).signaling).toEqual({
      defaultCapacity: 4,
      maxCapacity: 16,
      rateLimit: { points: 20, durationSeconds: 1 },
    });
    fails(['--rate-limit', '0'], {}, '--rate-limit must be a number of events per second from 1');
    expect(parse(['--connections-per-address', '200']).signaling).toEqual({
      maxConnectionsPerAddress: 200,
    });
  });

  test('--redis and PEERLAB_REDIS_URL share rooms through a Redis', () => {
    expect(parse(['--redis', 'redis://10.0.0.5:6379']).signaling).toEqual({
      redisUrl: 'redis://10.0.0.5:6379',
    });
    expect(parse([], { PEERLAB_REDIS_URL: '/run/redis/redis.sock' }).signaling).toEqual({
      redisUrl: '/run/redis/redis.sock',
    });
    fails(['--redis', 'localhost:6379'], {}, '--redis "localhost:6379" is not a Redis address');
  });

  test('--turn (or PEERLAB_TURN=1) asks the CLI for a coturn beside the hub, on --turn-port', () => {
    expect(parse(['--turn'])).toEqual({ localTurn: { port: 3478 } });
    expect(parse([], { PEERLAB_TURN: '1', PEERLAB_TURN_PORT: '3479' })).toEqual({
      localTurn: { port: 3479 },
    });
    fails(['--turn-port', '3479'], {}, '--turn-port only applies with --turn.');
    fails(
      ['--turn', '--turn-url', 'turn:t:3478', '--turn-secret', 's'],
      {},
      '--turn starts a coturn of its own',
    );
  });

  test('--public-url and PEERLAB_PUBLIC_URL name the hub behind a proxy or a DNS name', () => {
    expect(parse(['--public-url', 'https://peerlab.example.org/'])).toEqual({
      publicUrl: 'https://peerlab.example.org',
    });
    expect(parse([], { PEERLAB_PUBLIC_URL: 'http://lab.local:8080' })).toEqual({
      publicUrl: 'http://lab.local:8080',
    });
    fails(
      ['--public-url', 'peerlab.example.org'],
      {},
      '--public-url "peerlab.example.org" is not an origin',
    );
    fails(
      [],
      { PEERLAB_PUBLIC_URL: 'https://a.example/hub' },
      'PEERLAB_PUBLIC_URL "https://a.example/hub" is not an origin',
    );
    fails(
      ['--public-url', '*'],
      {},
      /^--public-url "\*" is not an origin: use scheme:\/\/host\[:port\] such as https:\/\/example\.org\.$/,
    );
  });

  test('rejects origins that are not scheme://host[:port]', () => {
    fails(['--origin', 'localhost:5173'], {}, '--origin "localhost:5173" is not an origin');
    fails(['--origin', 'https://a.example/app'], {}, 'is not an origin');
    fails(
      [],
      { PEERLAB_ORIGINS: 'ftp://a.example' },
      'PEERLAB_ORIGINS "ftp://a.example" is not an origin',
    );
  });

  test('rejects ICE settings a browser would refuse, naming the flag or variable', () => {
    fails(
      ['--ice-servers', '[{"urls":"stun:x?transport=udp"}]'],
      {},
      /^--ice-servers: stun:x\?transport=udp: stun: URLs take no/,
    );
    fails([], { PEERLAB_ICE_SERVERS: 'nope' }, /^PEERLAB_ICE_SERVERS: .*not valid JSON/);
    fails(
      ['--turn-url', 'stun:x', '--turn-secret', 's'],
      {},
      /^--turn-url: stun:x is not a TURN URL/,
    );
  });

  test('TURN needs both URLs and a secret', () => {
    fails(['--turn-url', 'turn:t'], {}, '--turn-url needs a shared secret');
    fails([], { PEERLAB_TURN_SECRET: 's' }, 'PEERLAB_TURN_SECRET is set but no TURN URL is');
    fails(['--turn-ttl', '60'], {}, '--turn-ttl only applies with --turn-url and --turn-secret.');
  });

  test('--https asks for a self-signed certificate; --cert needs --key', () => {
    expect(parseServeOptions(['--https'], {}).tlsSource).toEqual({ selfSigned: true });
    expect(parseServeOptions([], { PEERLAB_HTTPS: '1' }).tlsSource).toEqual({ selfSigned: true });
    expect(parseServeOptions(['--cert', 'c.pem', '--key', 'k.pem'], {}).tlsSource).toEqual({
      certFile: 'c.pem',
      keyFile: 'k.pem',
    });
    expect(() => parseServeOptions(['--cert', 'c.pem'], {})).toThrow(
      '--cert needs its pair: give both --cert and --key (or neither).',
    );
  });
});
