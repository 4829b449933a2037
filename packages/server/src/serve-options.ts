import { parseArgs } from 'node:util';
import { ROOM_CAPACITY } from '@peerlab/signaling';
import { DEFAULT_SIGNALING_OPTIONS } from '@peerlab/signaling/server';
import type { HubOptions } from './hub.ts';
import type { TlsSource } from './tls-certificate.ts';
import {
  parseIceServersJson,
  validateIceOptions,
  type IceOptions,
  type TurnOptions,
} from './ice-config.ts';

/** A command line or environment value the CLI cannot use; the message is one line. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Environment variables `peerlab serve` reads when the matching flag is absent. */
export type ServeEnv = Readonly<Record<string, string | undefined>>;

/**
 * Hub options, plus what the CLI sets up before the hub starts: where an https certificate
 * comes from, and a coturn to start beside the hub (`--turn`).
 */
export interface ServeOptions extends HubOptions {
  tlsSource?: TlsSource;
  localTurn?: { port: number };
}

/**
 * Turns `peerlab serve` arguments (after `serve`) and environment variables into hub options.
 * A flag wins over its environment variable; an empty variable counts as unset.
 * Pure: it reads nothing but its arguments, and throws a UsageError for anything invalid.
 */
export function parseServeOptions(args: readonly string[], env: ServeEnv): ServeOptions {
  const flags = parseFlags(args);
  const pick: PickValue = (flag, envName) => {
    const fromFlag = flags[flag];
    if (fromFlag === '') throw new UsageError(`--${flag} needs a value.`);
    if (fromFlag !== undefined) return { value: fromFlag, label: `--${flag}` };
    const fromEnv = env[envName];
    return fromEnv ? { value: fromEnv, label: envName } : undefined;
  };

  const options: ServeOptions = {};
  const port = pick('port', 'PORT');
  if (port) options.port = integerIn(port, 0, 65535, 'a port number');
  const host = pick('host', 'HOST');
  if (host) options.host = host.value;
  const root = pick('root', 'PEERLAB_ROOT');
  if (root) options.rootDir = root.value;
  const publicUrl = pick('public-url', 'PEERLAB_PUBLIC_URL');
  if (publicUrl) options.publicUrl = parseOrigin(publicUrl.value, publicUrl.label);

  if (flags.origin) {
    options.allowedOrigins = flags.origin.flatMap((value) => parseOrigins(value, '--origin'));
  } else if (env.PEERLAB_ORIGINS) {
    options.allowedOrigins = parseOrigins(env.PEERLAB_ORIGINS, 'PEERLAB_ORIGINS');
  }

  const capacity = pick('room-capacity', 'PEERLAB_ROOM_CAPACITY');
  if (capacity) {
    const defaultCapacity = integerIn(
      capacity,
      ROOM_CAPACITY.min,
      ROOM_CAPACITY.ceiling,
      'a room size',
    );
    const maxCapacity = Math.max(defaultCapacity, DEFAULT_SIGNALING_OPTIONS.maxCapacity);
    options.signaling = { defaultCapacity, maxCapacity };
  }
  const perAddress = pick('connections-per-address', 'PEERLAB_CONNECTIONS_PER_ADDRESS');
  if (perAddress) {
    const maxConnectionsPerAddress = integerIn(perAddress, 1, 1_000_000, 'a number of connections');
    options.signaling = { ...options.signaling, maxConnectionsPerAddress };
  }
  const rateLimit = pick('rate-limit', 'PEERLAB_RATE_LIMIT');
  if (rateLimit) {
    const points = integerIn(rateLimit, 1, 1_000_000, 'a number of events per second');
    options.signaling = { ...options.signaling, rateLimit: { points, durationSeconds: 1 } };
  }

  const redis = pick('redis', 'PEERLAB_REDIS_URL');
  if (redis) {
    options.signaling = { ...options.signaling, redisUrl: parseRedisUrl(redis) };
  }

  const tlsSource = parseTls(flags.https === true || env.PEERLAB_HTTPS === '1', pick);
  if (tlsSource) options.tlsSource = tlsSource;

  const ice = parseIce(pick);
  if (ice) options.ice = ice;
  const turnPort = pick('turn-port', 'PEERLAB_TURN_PORT');
  if (flags.turn === true || env.PEERLAB_TURN === '1') {
    if (ice?.turn) {
      throw new UsageError(
        '--turn starts a coturn of its own: drop --turn-url and --turn-secret, or --turn.',
      );
    }
    options.localTurn = { port: turnPort ? integerIn(turnPort, 1, 65535, 'a port number') : 3478 };
  } else if (turnPort) {
    throw new UsageError(`${turnPort.label} only applies with --turn.`);
  }
  return options;
}

function parseFlags(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        root: { type: 'string' },
        'public-url': { type: 'string' },
        origin: { type: 'string', multiple: true },
        'room-capacity': { type: 'string' },
        'rate-limit': { type: 'string' },
        redis: { type: 'string' },
        'connections-per-address': { type: 'string' },
        'ice-servers': { type: 'string' },
        'turn-url': { type: 'string' },
        'turn-secret': { type: 'string' },
        'turn-ttl': { type: 'string' },
        turn: { type: 'boolean' },
        'turn-port': { type: 'string' },
        https: { type: 'boolean' },
        cert: { type: 'string' },
        key: { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new UsageError(describeParseArgsError(error as Error & { code?: string }));
  }
}

/** A value and where it came from (`--port` or `PORT`), to name it in errors. */
interface Picked {
  value: string;
  label: string;
}
type PickValue = (
  flag: Exclude<keyof ReturnType<typeof parseFlags>, 'origin' | 'https' | 'turn'>,
  envName: string,
) => Picked | undefined;

function parseIce(pick: PickValue): IceOptions | undefined {
  const ice: IceOptions = {};
  const servers = pick('ice-servers', 'PEERLAB_ICE_SERVERS');
  if (servers) ice.servers = withLabel(servers.label, () => parseIceServersJson(servers.value));

  const urls = pick('turn-url', 'PEERLAB_TURN_URLS');
  const secret = pick('turn-secret', 'PEERLAB_TURN_SECRET');
  const ttl = pick('turn-ttl', 'PEERLAB_TURN_TTL');
  if (urls && !secret)
    throw new UsageError(
      `${urls.label} needs a shared secret: --turn-secret or PEERLAB_TURN_SECRET.`,
    );
  if (secret && !urls) {
    throw new UsageError(
      `${secret.label} is set but no TURN URL is: add --turn-url or PEERLAB_TURN_URLS.`,
    );
  }
  if (ttl && !urls)
    throw new UsageError(`${ttl.label} only applies with --turn-url and --turn-secret.`);
  if (urls && secret) {
    const turn: TurnOptions = {
      urls: urls.value
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
      secret: secret.value,
    };
    if (ttl) turn.ttlSeconds = integerIn(ttl, 1, Number.MAX_SAFE_INTEGER, 'a number of seconds');
    withLabel(urls.label, () => validateIceOptions({ turn }));
    ice.turn = turn;
  }
  return ice.servers || ice.turn ? ice : undefined;
}

function parseTls(https: boolean, pick: PickValue): TlsSource | undefined {
  const cert = pick('cert', 'PEERLAB_TLS_CERT');
  const key = pick('key', 'PEERLAB_TLS_KEY');
  if (cert && key) return { certFile: cert.value, keyFile: key.value };
  if (cert || key) {
    const given = (cert ?? key)!.label;
    throw new UsageError(`${given} needs its pair: give both --cert and --key (or neither).`);
  }
  return https ? { selfSigned: true } : undefined;
}

/** `redis://host:port`, `rediss://…` (TLS) or the absolute path of a unix socket. */
function parseRedisUrl(picked: Picked): string {
  const { value, label } = picked;
  if (value.startsWith('/') || /^rediss?:\/\/[^/]/.test(value)) return value;
  throw new UsageError(
    `${label} "${value}" is not a Redis address: use redis://host:6379 or a unix socket path.`,
  );
}

function parseOrigins(value: string, label: string): string[] {
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => (origin === '*' ? origin : parseOrigin(origin, label, ', or *')));
}

/** `scheme://host[:port]`, with or without a trailing slash, as URL.origin spells it. */
function parseOrigin(origin: string, label: string, orElse = ''): string {
  const withoutSlash = origin.replace(/\/$/, '');
  let parsed: URL | undefined;
  try {
    parsed = new URL(withoutSlash);
  } catch {
    // Reported below.
  }
  if (!parsed || parsed.origin !== withoutSlash || !/^https?:$/.test(parsed.protocol)) {
    throw new UsageError(
      `${label} "${origin}" is not an origin: use scheme://host[:port] such as https://example.org${orElse}.`,
    );
  }
  return withoutSlash;
}

function integerIn(picked: Picked, min: number, max: number, what: string): number {
  const number = Number(picked.value);
  if (!/^\d+$/.test(picked.value.trim()) || number < min || number > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`${picked.label} must be ${what} ${range}; got "${picked.value}".`);
  }
  return number;
}

function withLabel<T>(label: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(`${label}: ${(error as Error).message}`);
  }
}

// node:util parseArgs messages are long and suggest `--` tricks; say it in one short line.
function describeParseArgsError(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${option}; run peerlab --help for the list.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${option} needs a value.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Unexpected argument ${/'([^']*)'/.exec(error.message)?.[1] ?? ''}; serve takes only --options.`;
    default:
      return error.message;
  }
}
