/**
 * How bytes travel. Control messages are JSON text (see wire-messages.ts); file data goes in
 * binary messages, each with a 12-byte header:
 *
 *   bytes 0–3   file id (uint32, big-endian): which file of which offer, numbered by the sender
 *   bytes 4–11  offset (uint64, big-endian): where in the file the payload starts
 *   bytes 12–   payload
 *
 * Why a header on every chunk rather than "N bytes follow this control message": a chunk that
 * names its file and place can be checked alone (is it the next one expected?), chunks still in
 * flight after a cancel or a re-request are recognised and dropped instead of being written into
 * the wrong file, and a resume starts at any offset without a preamble. It costs 12 bytes in
 * every 16–256 KiB, under 0.1 %. The channel is reliable and ordered, so chunks arrive in the
 * order sent and the receiver insists on it: each one must start where the last one ended.
 */
export const HEADER_BYTES = 12;

/** Chunks are never smaller than this, what every browser's data channel takes… */
export const MIN_CHUNK_BYTES = 16 * 1024;
/**
 * …nor larger than this, even where the peer accepts more (Firefox says 1 GiB): a huge message
 * holds up the control messages behind it and costs the sender as much memory. Chromium's
 * `maxMessageSize` is 256 KiB.
 */
export const MAX_CHUNK_BYTES = 256 * 1024;

/** The size of a chunk message, header included, for a connection whose `pc.sctp.maxMessageSize` is given (null before connecting). */
export function chunkSizeFor(maxMessageSize: number | null | undefined): number {
  if (!maxMessageSize || !Number.isFinite(maxMessageSize)) return MIN_CHUNK_BYTES;
  return Math.max(MIN_CHUNK_BYTES, Math.min(MAX_CHUNK_BYTES, Math.floor(maxMessageSize)));
}

/**
 * Files are checked in ranges of 1 MiB: each range gets its own SHA-256, and the receiver counts
 * a range as kept only once its digest matched. A dropped connection then costs at most 1 MiB
 * (a twentieth of a second on a fast link, a few seconds on poor Wi-Fi), and a damaged range is
 * sent again alone. Smaller ranges would add a control message per few chunks; larger ones would
 * lose more on each drop. The sender says its range size in the offer; receivers accept
 * powers of two from 64 KiB to 8 MiB.
 */
export const RANGE_BYTES = 1024 * 1024;
export const MIN_RANGE_BYTES = 64 * 1024;
export const MAX_RANGE_BYTES = 8 * 1024 * 1024;

/**
 * Backpressure: the sender stops handing chunks to the channel while more than the high-water
 * mark waits in its buffer, and goes on once the browser says (`bufferedamountlow`) it has
 * drained to the low-water mark. `send()` throws once Chromium's buffer holds 16 MiB.
 */
export function waterMarks(chunkSize: number): { high: number; low: number } {
  const high = Math.max(2 * 1024 * 1024, 8 * chunkSize);
  return { high, low: high / 4 };
}

/**
 * Flow control end to end: the sender is never more than this many bytes ahead of what the
 * receiver has verified and written. Without it a slow disk on the receiving side would let
 * chunks pile up in its memory, since the data channel itself delivers as fast as it can.
 */
export const WINDOW_BYTES = 8 * RANGE_BYTES;

/** One binary message: the header, then `payload`. */
export function encodeChunk(
  fileId: number,
  offset: number,
  payload: Uint8Array,
): Uint8Array<ArrayBuffer> {
  const message = new Uint8Array(HEADER_BYTES + payload.byteLength);
  const view = new DataView(message.buffer);
  view.setUint32(0, fileId);
  view.setUint32(4, Math.floor(offset / 2 ** 32));
  view.setUint32(8, offset % 2 ** 32);
  message.set(payload, HEADER_BYTES);
  return message;
}

export interface Chunk {
  fileId: number;
  offset: number;
  payload: Uint8Array<ArrayBuffer>;
}

/** Reads a binary message; `undefined` for one no sender of this protocol makes. */
export function decodeChunk(data: ArrayBuffer): Chunk | undefined {
  if (data.byteLength <= HEADER_BYTES || data.byteLength > MAX_CHUNK_BYTES) {
    return undefined;
  }
  const view = new DataView(data);
  const high = view.getUint32(4);
  if (high >= 2 ** 21) return undefined; // beyond Number.MAX_SAFE_INTEGER
  return {
    fileId: view.getUint32(0),
    offset: high * 2 ** 32 + view.getUint32(8),
    payload: new Uint8Array(data, HEADER_BYTES),
  };
}
