import { drained, sendJson, Wakeup } from './channel-io.ts';
import {
  acquireHasher,
  hashBlobInto,
  releaseHasher,
  sha256OfBytes,
  type Hasher,
} from './file-hash.ts';
import type { OutgoingItem } from './offer-items.ts';
import { encodeChunk, HEADER_BYTES, WINDOW_BYTES, waterMarks } from './wire-format.ts';

export type OutgoingStatus = 'offered' | 'queued' | 'sending' | 'sent' | 'finished';

/**
 * One file on its way out: where it stands, and the loop that streams it. The loop reads a range
 * from the file, hashes it (for the range's digest and, once, for the whole file's), sends it in
 * chunks with backpressure, then the range's digest; it never runs more than `WINDOW_BYTES`
 * ahead of what the receiver has acknowledged.
 */
export class OutgoingFile {
  status: OutgoingStatus = 'offered';
  /** Where the next range starts; a re-request moves it back. */
  next = 0;
  /** What the receiver has verified and written. */
  acked = 0;
  /** Set by a re-request, so the range in flight stops short. */
  rewound = false;
  /** Wakes the loop on an ack, a re-request, a cancel or a close. */
  readonly wakeup = new Wakeup();
  #whole: Hasher | undefined;
  #hashedTo = 0;
  #sha256: string | undefined;

  constructor(
    readonly offerId: number,
    readonly fileId: number,
    readonly item: OutgoingItem,
    readonly rangeBytes: number,
  ) {}

  get active(): boolean {
    return this.status === 'queued' || this.status === 'sending' || this.status === 'sent';
  }

  /** Where the receiver wants the file from: `from` is a range boundary (or the end). */
  start(from: number): void {
    this.next = this.acked = from;
    this.status = 'queued';
  }

  /** Streams from `next` to the end. `countSent` hears of every payload byte handed over. */
  async stream(channel: RTCDataChannel, chunkSize: number, countSent: (n: number) => void) {
    this.status = 'sending';
    try {
      await this.#stream(channel, chunkSize, countSent);
    } finally {
      // Once the whole-file digest is known (or the file is over) its hasher is not needed.
      if (this.#whole && (this.#sha256 || !this.active)) {
        releaseHasher(this.#whole);
        this.#whole = undefined;
      }
    }
  }

  async #stream(channel: RTCDataChannel, chunkSize: number, countSent: (n: number) => void) {
    const { high, low } = waterMarks(chunkSize);
    channel.bufferedAmountLowThreshold = low;
    // A range is cut in equal chunks: 1 MiB in 256 KiB messages would leave a 48-byte fifth.
    const perRange = Math.ceil(this.rangeBytes / (chunkSize - HEADER_BYTES));
    const payloadBytes = Math.ceil(this.rangeBytes / perRange);
    const { size } = this.item;
    if (!this.#sha256 && !this.#whole) {
      this.#whole = await acquireHasher();
      // The whole-file digest covers the part the receiver kept from an earlier attempt too:
      // it is read and hashed here, locally, not sent again.
      await hashBlobInto(this.#whole, this.item.blob, 0, this.next);
      this.#hashedTo = this.next;
    }
    // Read one range ahead, so the disk and the network work at the same time.
    let reading: { start: number; bytes: Promise<ArrayBuffer> } | undefined;
    while (this.next < size && this.active) {
      while (this.next - this.acked >= WINDOW_BYTES && this.active && !this.rewound) {
        await this.wakeup.wait();
      }
      if (!this.active) return;
      this.rewound = false;
      const start = this.next;
      const end = Math.min(size, start + this.rangeBytes);
      if (reading?.start !== start) reading = { start, bytes: this.#read(start) };
      const bytes = new Uint8Array(await reading.bytes);
      if (!this.active) return;
      if (end < size) reading = { start: end, bytes: this.#read(end) };
      // The range's digest is worked out (natively, off this thread) while its chunks go out.
      const digest = sha256OfBytes(bytes);
      if (this.#whole && end > this.#hashedTo) {
        this.#whole.update(bytes.subarray(this.#hashedTo - start));
        this.#hashedTo = end;
      }
      for (let at = 0; at < bytes.byteLength && this.active && !this.rewound; at += payloadBytes) {
        if (channel.bufferedAmount > high) await drained(channel);
        if (!this.active || this.rewound || channel.readyState !== 'open') break;
        const payload = bytes.subarray(at, at + payloadBytes);
        channel.send(encodeChunk(this.fileId, start + at, payload));
        countSent(payload.byteLength);
      }
      const sha256 = await digest;
      if (!this.active || channel.readyState !== 'open') return;
      if (this.rewound) continue; // `next` was moved back to the damaged range
      const index = start / this.rangeBytes;
      sendJson(channel, { type: 'range', fileId: this.fileId, index, sha256 });
      this.next = end;
    }
    if (!this.active) return;
    this.#sha256 ??= this.#whole!.digest('hex');
    sendJson(channel, { type: 'end', fileId: this.fileId, sha256: this.#sha256 });
    this.status = 'sent';
  }

  #read(start: number): Promise<ArrayBuffer> {
    const end = Math.min(this.item.size, start + this.rangeBytes);
    const bytes = this.item.blob.slice(start, end).arrayBuffer();
    bytes.catch(() => {}); // a read ahead that is never awaited must not fail the page
    return bytes;
  }
}
