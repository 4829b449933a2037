import { measureJson } from '../json-shape.ts';

/** Events nested deeper than this are refused before any schema sees them. */
export const MAX_NESTING = 64;

export type PayloadMeasure =
  | { ok: true; bytes: number }
  | { ok: false; problem: 'too-deep' }
  /** Far too large to write out: `atLeast` is a lower bound of its size, in bytes. */
  | { ok: false; problem: 'too-large'; atLeast: number }
  /** Not JSON: a BigInt, or a toJSON or getter that throws. (A cycle is too deep.) */
  | { ok: false; problem: 'unserialisable' };

/**
 * How many bytes of JSON an event's arguments are. The depth and a size bound come first,
 * from a walk without recursion, so JSON.stringify never sees a value that would overflow
 * the stack or spell out shared references into gigabytes.
 */
export function measurePayload(args: readonly unknown[], maxBytes: number): PayloadMeasure {
  // Past 8× the limit the exact number does not matter: it is far too large either way.
  const stopAt = { depth: MAX_NESTING, size: maxBytes * 8 };
  try {
    const shape = measureJson(args, stopAt);
    if (shape.depth > MAX_NESTING) return { ok: false, problem: 'too-deep' };
    if (shape.stopped) return { ok: false, problem: 'too-large', atLeast: shape.size };
    return { ok: true, bytes: Buffer.byteLength(JSON.stringify(args)) };
  } catch {
    return { ok: false, problem: 'unserialisable' };
  }
}
