// #region framing
/**
 * Messages of any size over a data channel. A frame (JSON text) that fits in one data-channel
 * message goes as a text message; a larger one is cut into binary chunks, each with a 12-byte
 * header (transfer id, index, count as big-endian uint32), and put back together on arrival.
 * A channel refuses messages above `pc.sctp.maxMessageSize`, and one huge message would hold up
 * everything behind it, so chunks are at most 64 KiB.
 */
export const HEADER_BYTES = 12;
/** Never a chunk larger than this, even where the other side would take more. */
export const MAX_CHUNK_BYTES = 64 * 1024;
/** What every browser accepts when the connection does not say (`pc.sctp` is still null). */
const SAFE_CHUNK_BYTES = 16 * 1024;

/** The size of a data-channel message for a connection whose `pc.sctp.maxMessageSize` is given. */
export function chunkSizeFor(maxMessageSize: number | undefined): number {
  if (!maxMessageSize || maxMessageSize <= HEADER_BYTES) return SAFE_CHUNK_BYTES;
  return Math.min(maxMessageSize, MAX_CHUNK_BYTES);
}

const encoder = new TextEncoder();

/** The data-channel messages that carry `json`: itself if it fits, else numbered chunks. */
export function encodeFrame(
  json: string,
  chunkSize: number,
  transferId: number,
): (string | Uint8Array<ArrayBuffer>)[] {
  // A UTF-16 code unit is at most 3 bytes of UTF-8: short strings need no encoding to know.
  if (json.length * 3 <= chunkSize) return [json];
  const bytes = encoder.encode(json);
  if (bytes.byteLength <= chunkSize) return [json];
  const payload = chunkSize - HEADER_BYTES;
  const count = Math.ceil(bytes.byteLength / payload);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  for (let index = 0; index < count; index++) {
    const part = bytes.subarray(index * payload, (index + 1) * payload);
    const chunk = new Uint8Array(HEADER_BYTES + part.byteLength);
    const header = new DataView(chunk.buffer);
    header.setUint32(0, transferId);
    header.setUint32(4, index);
    header.setUint32(8, count);
    chunk.set(part, HEADER_BYTES);
    chunks.push(chunk);
  }
  return chunks;
}
// #endregion framing

// #region assembler
interface Transfer {
  count: number;
  parts: (Uint8Array | undefined)[];
  received: number;
  bytes: number;
}

/**
 * Puts chunks back together, whatever order they come in. A peer may send anything, so every
 * number in a header is checked, the frame's size is capped, and only a few transfers may be
 * open at once (the oldest is dropped to make room).
 */
export class ChunkAssembler {
  readonly #open = new Map<number, Transfer>();
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(
    private readonly maxFrameBytes: number,
    private readonly maxOpen = 4,
  ) {}

  /**
   * Takes one binary message. Returns the frame's text once its last chunk is in, `undefined`
   * while chunks are missing; throws a RangeError on a chunk no honest peer sends.
   */
  add(data: ArrayBuffer): string | undefined {
    if (data.byteLength <= HEADER_BYTES) throw new RangeError('A chunk with no payload.');
    const header = new DataView(data);
    const [id, index, count] = [header.getUint32(0), header.getUint32(4), header.getUint32(8)];
    const maxCount = Math.ceil(this.maxFrameBytes / 1024);
    if (count < 2 || count > maxCount || index >= count) {
      throw new RangeError(`Chunk ${index} of ${count} cannot be part of a frame.`);
    }
    let transfer = this.#open.get(id);
    if (transfer && transfer.count !== count) {
      this.#open.delete(id);
      throw new RangeError(`Transfer ${id} changed its chunk count.`);
    }
    if (!transfer) {
      if (this.#open.size >= this.maxOpen) this.#open.delete(this.#open.keys().next().value!);
      transfer = { count, parts: [], received: 0, bytes: 0 };
      this.#open.set(id, transfer);
    }
    if (transfer.parts[index]) return undefined; // a repeat: the first copy counts
    const part = new Uint8Array(data, HEADER_BYTES);
    transfer.bytes += part.byteLength;
    if (transfer.bytes > this.maxFrameBytes) {
      this.#open.delete(id);
      throw new RangeError(`A frame over ${this.maxFrameBytes} bytes.`);
    }
    transfer.parts[index] = part;
    transfer.received += 1;
    if (transfer.received < count) return undefined;
    this.#open.delete(id);
    const whole = new Uint8Array(transfer.bytes);
    let offset = 0;
    for (const chunk of transfer.parts as Uint8Array[]) {
      whole.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return this.#decoder.decode(whole); // throws a TypeError on bytes that are not UTF-8
  }

  /** Transfers waiting for chunks. */
  get pending(): number {
    return this.#open.size;
  }
}
// #endregion assembler
