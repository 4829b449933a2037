import {
  acquireHasher,
  decodeState,
  encodeState,
  releaseHasher,
  sha256OfBytes,
  type Hasher,
} from './file-hash.ts';
import type { FileSink } from './file-sink.ts';
import { takeRangeBuffer } from './range-buffers.ts';
import type { ResumeEntry } from './resume-state.ts';
import type { TransferError } from './transfer-error.ts';

/** A file of an offer, as the receiver shows it: the path is safe, the rest checked. */
export interface IncomingFile {
  readonly fileId: number;
  /** After `safeRelativePath`: text from the peer, to show as text. */
  readonly path: string;
  readonly size: number;
  readonly lastModified: number;
  readonly mime: string;
  /** Bytes an earlier attempt verified (from the ResumeState), not sent again; 0 if fresh. */
  readonly resumeFrom: number;
  /** Set when the ResumeState held this path for another file (`same-file-expected`). */
  readonly resumeRefused?: TransferError;
}

/** A range whose digest does not match is asked for again this many times, then the file fails. */
export const MAX_RETRIES = 3;

export type RangeVerdict =
  | { kind: 'verified'; bytes: number }
  | { kind: 'retry'; from: number }
  | { kind: 'damaged' }
  | { kind: 'ignored' }
  | { kind: 'bad'; reason: string };

/**
 * One file being received: it checks each chunk's place and gathers a range's chunks in memory
 * (1 MiB). When the range's digest comes it is compared with the bytes' SHA-256 (WebCrypto),
 * and only a range that matches is fed to the whole file's hasher and written to the sink, in
 * one write: a damaged range never reaches the disk, and the disk sees a few large writes
 * instead of many small ones. It knows nothing of the channel: the receiver turns its verdicts
 * into messages and events.
 */
export class ReceivingFile {
  status: 'offered' | 'receiving' | 'finished' = 'offered';
  sink: FileSink | undefined;
  /** The offset the next chunk must start at. */
  expected = 0;
  /** Bytes from the start whose ranges matched their digests. */
  verified = 0;
  /** Set after a re-request: chunks and digests sent before it are dropped until this offset. */
  retryFrom: number | undefined;
  /** True once this attempt wrote anything (a verified range). */
  wrote = false;
  #retries = 0;
  #endSha: string | undefined;
  #whole: Hasher | undefined;
  /** The range being received, from `verified` to `expected`; a new one for every range. */
  #range: Uint8Array<ArrayBuffer> | undefined;
  #rangeStart: Uint8Array | undefined;
  #savedState: string | undefined;

  constructor(
    readonly offerId: number,
    readonly file: IncomingFile,
    readonly rangeBytes: number,
  ) {}

  /** Accepted: bytes go to `sink` from `from`, the hash going on from `hashState` if resumed. */
  begin(sink: FileSink, from: number, hashState?: string): void {
    this.sink = sink;
    this.expected = this.verified = from;
    this.#savedState = hashState;
    this.status = 'receiving';
  }

  /** The hasher is made at the first byte, not at the offer: an offer may hold 10 000 files. */
  async #hasher(): Promise<Hasher> {
    if (!this.#whole) {
      const whole = await acquireHasher();
      if (this.#savedState) whole.load(decodeState(this.#savedState)); // checked at begin
      this.#rangeStart = whole.save();
      this.#whole = whole;
    }
    return this.#whole;
  }

  #rangeEnd(): number {
    return Math.min(this.file.size, this.verified + this.rangeBytes);
  }

  /** Takes a chunk: `undefined` once kept or dropped, or why it cannot be. */
  takeChunk(offset: number, payload: Uint8Array<ArrayBuffer>): string | undefined {
    if (this.retryFrom !== undefined) {
      if (offset !== this.retryFrom) return undefined; // sent before the re-request
      this.retryFrom = undefined;
    }
    if (offset !== this.expected) return `a chunk at ${offset}, where ${this.expected} was next`;
    const end = this.#rangeEnd();
    if (offset + payload.byteLength > end) return 'a chunk past its range';
    this.#range ??= takeRangeBuffer(end - this.verified);
    this.#range.set(payload, offset - this.verified);
    this.expected += payload.byteLength;
    return undefined;
  }

  /**
   * Compares a range's digest with the bytes that came; a range that matches is written (a
   * rejection of the sink's write fails the file).
   */
  async takeRange(index: number, sha256: string): Promise<RangeVerdict> {
    if (this.retryFrom !== undefined) return { kind: 'ignored' };
    const end = this.#rangeEnd();
    if (
      index * this.rangeBytes !== this.verified ||
      this.expected !== end ||
      end === this.verified
    ) {
      return { kind: 'bad', reason: `the digest of range ${index} out of turn` };
    }
    const whole = await this.#hasher();
    const range = this.#range!;
    this.#range = undefined;
    if ((await sha256OfBytes(range)) === sha256) {
      const from = this.verified;
      whole.update(range);
      this.wrote = true;
      await this.sink!.write(from, range);
      this.verified = end;
      this.#rangeStart = whole.save();
      this.#retries = 0;
      return { kind: 'verified', bytes: end - from };
    }
    this.#retries += 1;
    if (this.#retries > MAX_RETRIES) return { kind: 'damaged' };
    // Forget the damaged bytes: they never reached the whole-file hash nor the sink.
    this.expected = this.retryFrom = this.verified;
    return { kind: 'retry', from: this.verified };
  }

  /** Notes the whole file's digest (the first one counts; it is resent after a late re-request). */
  takeEnd(sha256: string): void {
    this.#endSha ??= sha256;
  }

  /** Once every range is verified and the digest is in: does the whole file match? */
  async check(): Promise<'incomplete' | 'complete' | 'mismatch'> {
    const { size } = this.file;
    if (this.verified !== size || this.#endSha === undefined || this.retryFrom !== undefined) {
      return 'incomplete';
    }
    const whole = await this.#hasher();
    return whole.digest('hex') === this.#endSha ? 'complete' : 'mismatch';
  }

  /** Gives the hasher back; called once the file has its outcome. */
  release(): void {
    if (this.#whole) releaseHasher(this.#whole);
    this.#whole = this.#range = undefined;
  }

  /** What a resume needs, for the ResumeState; `undefined` before any range is verified. */
  resumeEntry(): ResumeEntry | undefined {
    if (!this.#rangeStart || this.verified === 0) return undefined;
    const { path, size, lastModified } = this.file;
    const verifiedRanges = Math.ceil(this.verified / this.rangeBytes);
    const hashState = encodeState(this.#rangeStart);
    return { path, size, lastModified, rangeBytes: this.rangeBytes, verifiedRanges, hashState };
  }
}
