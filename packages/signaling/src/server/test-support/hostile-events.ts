import { deepJson, exoticValue, hostileDepth, wireValue } from './hostile-values.ts';
import type { Random } from './seeded-random.ts';

/**
 * Hostile events for the fuzz test. Each is built so that the server must answer it exactly
 * once (an `error`, or the reply to a `join`): every relay names a peer outside the sender's
 * room or is malformed, so none is silently delivered.
 */
export type WireEvent =
  /** Sent with socket.io-client: any JSON, any event name, with or without an ack. */
  | { via: 'emit'; event: string | number; args: unknown[]; ack: boolean }
  /** A socket.io packet written by hand (`2[…]`): nesting JSON.stringify cannot produce. */
  | { via: 'raw'; packet: string };

/** What socket.io itself refuses by closing the connection; one per connection. */
export type DroppingEvent =
  { via: 'emit'; event: string; args: unknown[] } | { via: 'raw'; frames: (string | Uint8Array)[] };

/** An event handed straight to the gate: any value at all, even ones no wire can carry. */
export interface InProcessEvent {
  event: unknown;
  args: unknown[];
  ack: boolean;
}

export interface FuzzTarget {
  /** Peer ids in a room no hostile socket is in (the well-behaved peers'). */
  foreignPeerIds: readonly string[];
  /** A room that is full (the well-behaved peers'). */
  fullRoom: string;
  maxPayloadBytes: number;
}

type ValueOf = (random: Random) => unknown;

export function wireEvent(random: Random, target: FuzzTarget): WireEvent {
  const roll = random.next();
  if (roll < 0.35) return emit('join', join(random, target, wireValue), random.chance(0.5));
  if (roll < 0.7) return emit('relay', relay(random, target, wireValue), random.chance(0.1));
  if (roll < 0.74) return emit('ice', wireValue(random), random.chance(0.7));
  if (roll < 0.8) return emit(eventName(random), wireValue(random), false);
  if (roll < 0.9) return deepPacket(random, target);
  if (roll < 0.95) return numberNamedPacket(random);
  return oversized(random, target);
}

export function inProcessEvent(random: Random, target: FuzzTarget): InProcessEvent {
  const roll = random.next();
  const hostile = (event: unknown, request: unknown, ack: boolean) => ({
    event,
    args: [request],
    ack,
  });
  if (roll < 0.4) return hostile('join', join(random, target, exoticValue), random.chance(0.5));
  if (roll < 0.75) return hostile('relay', relay(random, target, exoticValue), false);
  if (roll < 0.85) return hostile(exoticValue(random), exoticValue(random), random.chance(0.2));
  if (roll < 0.9) return hostile('join', exoticValue(random), random.chance(0.5));
  // leave answers nothing when it passes the gate, so only arguments the gate refuses.
  const refused = random.pick([10n, 'l'.repeat(target.maxPayloadBytes + 1), [Symbol('s'), 1n]]);
  return hostile('leave', refused, false);
}

function emit(event: string, request: unknown, ack: boolean): WireEvent {
  return { via: 'emit', event, args: [request], ack };
}

export function droppingEvent(random: Random): DroppingEvent {
  const roll = random.next();
  // Past socket.io's maxHttpBufferSize (1 MB here): the transport closes.
  if (roll < 0.3)
    return { via: 'emit', event: 'relay', args: ['o'.repeat(random.int(1_100_000, 1_500_000))] };
  // Reserved event names, names that are not strings or numbers, text that is not JSON.
  const packets = [
    '2["disconnect"]',
    '2["connect"]',
    '2["newListener","x"]',
    '2[{"a":1}]',
    '2[null]',
    '2[true]',
    '2[]',
    '2[',
    '2{"a":1}',
    '2["relay",',
  ];
  if (roll < 0.8) return { via: 'raw', frames: [random.pick(packets)] };
  // Binary packets: an attachment that is not there, or nesting so deep that socket.io's
  // reconstruction of the packet (which recurses) overflows the stack.
  const depth = 100_000;
  const frames = random.chance(0.5)
    ? ['51-["relay",{"_placeholder":true,"num":7}]', new Uint8Array([1])]
    : [
        `51-["relay",${'['.repeat(depth)}{"_placeholder":true,"num":0}${']'.repeat(depth)}]`,
        new Uint8Array([1]),
      ];
  return { via: 'raw', frames };
}

function join(random: Random, target: FuzzTarget, valueOf: ValueOf): unknown {
  const request: Record<string, unknown> = { v: 1, room: roomName(random) };
  if (random.chance(0.3)) request.capacity = random.int(0, 80);
  if (random.chance(0.2)) {
    // A guessed token must never take over a real peer's id.
    request.room = target.fullRoom;
    request.resume = {
      peerId: random.pick(target.foreignPeerIds),
      token: 't'.repeat(random.int(10, 40)),
    };
  }
  return mutate(request, random, valueOf, []);
}

function relay(random: Random, target: FuzzTarget, valueOf: ValueOf): unknown {
  const to = random.chance(0.5)
    ? random.pick(target.foreignPeerIds)
    : `peer-${random.int(0, 1e9)}-unknown`;
  const request = { to, payload: payload(random, valueOf) };
  // Never delete `to`: a valid relay without it would go to the sender's room and answer nothing.
  return mutate(request, random, valueOf, ['to']);
}

function payload(random: Random, valueOf: ValueOf): Record<string, unknown> {
  switch (random.int(0, 2)) {
    case 0:
      return {
        kind: 'description',
        description: { type: random.pick(['offer', 'answer', 'rollback']), sdp: 'v=0\r\n' },
      };
    case 1:
      return random.chance(0.2)
        ? { kind: 'candidate', candidate: null }
        : {
            kind: 'candidate',
            candidate: {
              candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host',
              sdpMid: '0',
              sdpMLineIndex: 0,
              foundation: '1',
            },
          };
    default:
      return { kind: 'message', body: random.chance(0.5) ? 'hello' : valueOf(random) };
  }
}

/** Retypes, deletes or adds one field somewhere in `value`, or leaves it as it is. */
function mutate(
  value: Record<string, unknown>,
  random: Random,
  valueOf: ValueOf,
  keep: string[],
): unknown {
  const paths = fieldPaths(value);
  const path = random.pick(paths);
  const parent = path
    .slice(0, -1)
    .reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, value);
  const key = path.at(-1)!;
  switch (random.int(0, 3)) {
    case 0: {
      const replacement = valueOf(random);
      // `to: undefined` would be a broadcast; any other wrong value is refused.
      if (!(keep.includes(key) && replacement === undefined)) parent[key] = replacement;
      break;
    }
    case 1:
      if (!keep.includes(key) || path.length > 1) delete parent[key];
      break;
    case 2:
      Object.defineProperty(parent, random.pick(['extra', '__proto__', 'constructor']), {
        value: valueOf(random),
        enumerable: true,
      });
      break;
  }
  return value;
}

/** The envelope's own fields; a body may already be hostile, so it is never looked into. */
const CONTAINERS = new Set(['payload', 'description', 'candidate', 'resume']);

function fieldPaths(value: Record<string, unknown>, prefix: string[] = []): string[][] {
  return Object.keys(value).flatMap((key) => {
    const path = [...prefix, key];
    const child = value[key];
    const inside = CONTAINERS.has(key) && child !== null && typeof child === 'object';
    return inside ? [path, ...fieldPaths(child as Record<string, unknown>, path)] : [path];
  });
}

function roomName(random: Random): string {
  const names = [
    `fuzz-${random.int(0, 30)}`,
    'r'.repeat(random.int(60, 300)),
    `bad\u0000\u001b${random.int(0, 9)}`,
    '../etc',
    ' lab',
    'lab\n',
    '__proto__',
    'constructor',
  ];
  return random.pick(names);
}

function eventName(random: Random): string {
  const names = [
    'shout',
    'error',
    'joined',
    '__proto__',
    'constructor',
    'toString',
    'JOIN',
    'relay ',
    '\u0000',
    'e'.repeat(random.int(100, 20_000)),
  ];
  return random.pick(names);
}

/** An event named by a number: socket.io's parser lets numbers through as event names. */
function numberNamedPacket(random: Random): WireEvent {
  const name = random.pick([42, -1, 0, 1e308]);
  return { via: 'raw', packet: `2[${name},${JSON.stringify(wireValue(random))}]` };
}

/** Nesting 10 to 100,000 deep, in a join or in a relay's body, as a hand-written packet. */
function deepPacket(random: Random, target: FuzzTarget): WireEvent {
  const nested = deepJson(hostileDepth(random), random);
  const to = JSON.stringify(random.pick(target.foreignPeerIds));
  return random.chance(0.5)
    ? { via: 'raw', packet: `2["join",${nested}]` }
    : {
        via: 'raw',
        packet: `2["relay",{"to":${to},"payload":{"kind":"message","body":${nested}}}]`,
      };
}

/** Just over the payload cap, or far over it (but under socket.io's own limit). */
function oversized(random: Random, target: FuzzTarget): WireEvent {
  const overBy = random.chance(0.5) ? random.int(1, 100) : random.int(100_000, 800_000);
  const request = {
    to: random.pick(target.foreignPeerIds),
    payload: { kind: 'message', body: '' },
  };
  const base = Buffer.byteLength(JSON.stringify([request]));
  request.payload.body = 'b'.repeat(target.maxPayloadBytes - base + overBy);
  const event = random.pick(['relay', 'join', 'leave', 'ice']);
  return { via: 'emit', event, args: [request], ack: false };
}
