import { RANGE_BYTES } from './wire-format.ts';

/**
 * Buffers for 1 MiB ranges, used again instead of made anew. A receiver fills one per range;
 * the sink that wrote it may give it back (`OpfsSyncFolder` gets it back from its worker).
 * Without them each range is a new 1 MiB buffer, freed only when a garbage collector gets to
 * it, and a page whose JS heap barely grows seldom runs one: a fast transfer left tens of MiB
 * of them waiting.
 */
const spare: ArrayBuffer[] = [];
/** Two are in use at once at most (one filling, one being written); a few more cost little. */
const SPARE_COUNT = 4;

/** A buffer for a range of `size` bytes; its old bytes are overwritten by the range's chunks. */
export function takeRangeBuffer(size: number): Uint8Array<ArrayBuffer> {
  const buffer = size === RANGE_BYTES ? spare.pop() : undefined;
  return buffer ? new Uint8Array(buffer) : new Uint8Array(size);
}

/** Gives back a range's buffer that nothing reads any more. */
export function giveRangeBuffer(buffer: ArrayBuffer): void {
  if (buffer.byteLength === RANGE_BYTES && spare.length < SPARE_COUNT && !spare.includes(buffer)) {
    spare.push(buffer);
  }
}
