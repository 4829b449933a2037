import type { Random } from './seeded-random.ts';

/** `[[[…]]]` nested `depth` levels deep, built in a loop (a recursive build would overflow). */
export function deepArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

/** The same nesting as JSON text, for a raw packet: JSON.stringify would overflow on it. */
export function deepJson(depth: number, random: Random): string {
  return random.chance(0.5)
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1);
}

/** A depth from 10 to 100,000, spread evenly over the orders of magnitude. */
export function hostileDepth(random: Random): number {
  return Math.round(10 ** (1 + random.next() * 4));
}

/** Values of the wrong type for any field, that socket.io can still carry (JSON). */
export function wireValue(random: Random): unknown {
  const values: (() => unknown)[] = [
    () => null,
    () => random.chance(0.5),
    () => random.pick([0, -1, 1.5, 1e308, -1e-308, 2 ** 53 + 1]),
    () => random.pick(['', ' ', 'x', '../etc/passwd', '<script>', '*', 'é🎉', 'null']),
    () => controlCharacters(random),
    () => 'y'.repeat(random.int(65, 5_000)),
    () => random.pick([[], [1, 'two', null], [{}]]),
    () => ({}),
    // Objects whose toString or valueOf is not a function: String() on them throws.
    () => ({ toString: 1 }),
    () => ({ toString: 'x', valueOf: {} }),
    () => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":1}}}'),
    () => deepArray(random.int(10, 40)),
  ];
  return random.pick(values)();
}

/** Anything at all, for the in-process gate: what no socket.io message can carry too. */
export function exoticValue(random: Random): unknown {
  const values: (() => unknown)[] = [
    () => wireValue(random),
    () => random.pick([undefined, Number.NaN, Number.POSITIVE_INFINITY, -0]),
    () => 10n ** 30n,
    () => Symbol('hostile'),
    () => ({ nested: () => 'a function inside' }),
    () => ({
      toString() {
        throw new Error('toString throws');
      },
    }),
    () => ({
      valueOf() {
        throw new Error('valueOf throws');
      },
      toString: undefined,
    }),
    () => ({
      [Symbol.toPrimitive]() {
        throw new Error('toPrimitive throws');
      },
    }),
    () => Object.create(null),
    () => throwingGetter(true),
    () => throwingGetter(false),
    () =>
      new Proxy(
        {},
        {
          get: () => {
            throw new Error('get trap throws');
          },
          ownKeys: () => [],
        },
      ),
    () => revokedProxy(),
    () => cycle(),
    () => sharedReferenceBomb(),
    () => new Array(2 ** 32 - 1),
    () => random.pick([new Date(Number.NaN), new Map([[1, 2]]), new Set([1]), /re/g]),
    () => random.pick([new Uint8Array(8), new Error('an error object'), Promise.resolve(1)]),
    () => ({
      toJSON() {
        throw new Error('toJSON throws');
      },
    }),
    () => Object.defineProperty({}, '__proto__', { value: { polluted: true }, enumerable: true }),
    () => deepArray(hostileDepth(random)),
  ];
  return random.pick(values)();
}

function controlCharacters(random: Random): string {
  const length = random.int(1, 80);
  return Array.from({ length }, () => String.fromCharCode(random.int(0, 31))).join('');
}

/** An object whose field `v` throws when read: enumerable (JSON sees it) or hidden. */
function throwingGetter(enumerable: boolean): object {
  return Object.defineProperty({}, 'v', {
    enumerable,
    get() {
      throw new Error('getter throws');
    },
  });
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function cycle(): object {
  const node: { self?: unknown; list: unknown[] } = { list: [] };
  node.self = node;
  node.list.push(node);
  return node;
}

/** 40 levels of `[x, x]`: tiny in memory, 2^40 copies once written out as JSON. */
function sharedReferenceBomb(): unknown {
  let value: unknown = ['z'.repeat(100)];
  for (let i = 0; i < 40; i++) value = [value, value];
  return value;
}
