import type { FileSink } from './file-sink.ts';
import { formatBytes } from './format-progress.ts';
import { TransferError } from './transfer-error.ts';

/** The most a memory sink holds unless told otherwise: a tab that holds more risks being killed. */
export const MEMORY_SINK_LIMIT = 256 * 1024 * 1024;

/**
 * A sink that builds a Blob in memory: for small files, or where the origin private file system
 * is missing. It holds the whole file, so it refuses to grow past its limit with a
 * `too-large` TransferError, and `MemorySink.for` refuses a file that would, before any byte.
 */
export class MemorySink implements FileSink {
  #buffer: Uint8Array<ArrayBuffer>;
  #length = 0;
  #blob: Blob | undefined;

  constructor(
    readonly limit = MEMORY_SINK_LIMIT,
    readonly type = '',
    expectedSize = 0,
  ) {
    this.#buffer = new Uint8Array(Math.min(expectedSize, limit));
  }

  /** A sink for `file`, or a `too-large` TransferError if the file is over `limit`. */
  static for(file: { path: string; size: number; mime?: string }, limit = MEMORY_SINK_LIMIT) {
    if (file.size > limit) throw tooLarge(file.path, file.size, limit);
    return new MemorySink(limit, file.mime ?? '', file.size);
  }

  /** The file, once closed. */
  get blob(): Blob | undefined {
    return this.#blob;
  }

  write(offset: number, bytes: Uint8Array<ArrayBuffer>): void {
    const end = offset + bytes.byteLength;
    if (end > this.limit) throw tooLarge('this file', end, this.limit);
    if (end > this.#buffer.byteLength) {
      // Doubling keeps the copies few when the size was not known in advance.
      const grown = new Uint8Array(
        Math.min(this.limit, Math.max(end, this.#buffer.byteLength * 2)),
      );
      grown.set(this.#buffer.subarray(0, this.#length));
      this.#buffer = grown;
    }
    this.#buffer.set(bytes, offset);
    this.#length = Math.max(this.#length, end);
  }

  close(): void {
    this.#blob = new Blob([this.#buffer.subarray(0, this.#length)], { type: this.type });
    this.#buffer = new Uint8Array(0);
  }

  abort(): void {
    this.#buffer = new Uint8Array(0);
    this.#length = 0;
  }
}

function tooLarge(path: string, needed: number, limit: number): TransferError {
  return new TransferError(
    'too-large',
    `"${path}" needs ${formatBytes(needed)}, over the ${formatBytes(limit)} a file may take in ` +
      `memory. Save it to disk instead (OpfsFolder).`,
    { path, needed, available: limit },
  );
}
