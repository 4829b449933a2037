// #region types
import { readAck, readHeader, sha256Hex, type PhotoAck, type PhotoHeader } from './photo-header.ts';

/** A photo that arrived whole and verified. */
export interface ReceivedPhoto {
  header: PhotoHeader;
  blob: Blob;
}

export interface ReceiverCallbacks {
  /** A chunk arrived: `received` of `header.size` bytes are in. */
  onProgress: (received: number, header: PhotoHeader) => void;
  onPhoto: (photo: ReceivedPhoto) => void;
  /** A photo could not be completed; what had arrived of it is dropped. */
  onIncomplete: (reason: string) => void;
  /** Sends the ack back to the sender (over the same channel). */
  reply: (ack: PhotoAck) => void;
}

// #endregion types

// #region receiver
/**
 * Puts photos back together from what the channel delivers: a JSON header, then binary chunks
 * until `header.size` bytes are in. Then it checks the SHA-256 and answers with an ack.
 */
export class PhotoReceiver {
  #header: PhotoHeader | undefined;
  #chunks: ArrayBuffer[] = [];
  #received = 0;

  constructor(private readonly callbacks: ReceiverCallbacks) {}

  /** Give it every message of the channel (`event.data`, with `binaryType = 'arraybuffer'`). */
  handle(data: string | ArrayBuffer): void {
    if (typeof data !== 'string') return this.#addChunk(data);
    // An ack answers a photo of ours; it may come between the chunks of the other side's photo.
    if (readAck(data)) return;
    this.abort('a new photo started before this one was complete');
    try {
      this.#header = readHeader(JSON.parse(data));
    } catch (error) {
      this.callbacks.onIncomplete((error as Error).message);
    }
  }

  #addChunk(chunk: ArrayBuffer): void {
    const header = this.#header;
    if (!header) return this.callbacks.onIncomplete('bytes arrived without a header');
    this.#chunks.push(chunk);
    this.#received += chunk.byteLength;
    this.callbacks.onProgress(this.#received, header);
    if (this.#received > header.size) this.abort('more bytes arrived than the header announced');
    else if (this.#received === header.size) void this.#finish(header, this.#chunks);
  }

  async #finish(header: PhotoHeader, chunks: ArrayBuffer[]): Promise<void> {
    this.#reset(); // the next photo may start while this one is checked
    const blob = new Blob(chunks, { type: header.type });
    const verified = (await sha256Hex(await blob.arrayBuffer())) === header.sha256;
    this.callbacks.reply({ kind: 'ack', sha256: header.sha256, verified });
    if (verified) this.callbacks.onPhoto({ header, blob });
    else this.callbacks.onIncomplete('its SHA-256 does not match: bytes changed on the way');
  }

  /** Drops the photo being received (the peer left, say) and says why. */
  abort(reason: string): void {
    if (!this.#header) return;
    const { size } = this.#header;
    const received = this.#received;
    this.#reset();
    this.callbacks.onIncomplete(`${reason}, after ${received} of ${size} bytes`);
  }

  #reset(): void {
    this.#header = undefined;
    this.#chunks = [];
    this.#received = 0;
  }
}
// #endregion receiver
