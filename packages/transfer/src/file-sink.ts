/**
 * Where a received file goes, written as its bytes arrive so no file is ever whole in memory on
 * the way. The receiver calls `write` in order (but a damaged range is written again at its
 * offset), then exactly one of `close` or `abort`.
 */
export interface FileSink {
  /**
   * Writes `bytes` at `offset`. A rejection (a full disk, a limit) fails the file. The bytes are
   * the sink's from then on: the receiver reads them no more, so a sink may hand their buffer
   * on (transfer it to a worker) instead of copying it.
   */
  write(offset: number, bytes: Uint8Array<ArrayBuffer>): void | Promise<void>;
  /**
   * The transfer ended and what was written is to be kept: the whole file, or the first part of
   * it when the connection dropped (a resume writes the rest).
   */
  close(): void | Promise<void>;
  /** The file was cancelled or failed its check: throw away what was written. */
  abort(): void | Promise<void>;
  /**
   * True if the sink already holds what an earlier attempt wrote, so a resume may skip those
   * bytes. A sink without it makes the receiver ask for the file from the start.
   */
  readonly keepsEarlierBytes?: boolean;
}
