// #region chunks
/** Never a chunk larger than this, even where the browser would take more (see below). */
export const MAX_CHUNK_BYTES = 64 * 1024;
/** What every browser accepts when the connection does not say (`pc.sctp` is still null). */
const SAFE_CHUNK_BYTES = 16 * 1024;

/** Stop sending while more than this waits in the channel's buffer… */
export const HIGH_WATER_MARK = 1024 * 1024;
/** …and go on when it has drained to this (the channel's `bufferedAmountLowThreshold`). */
export const LOW_WATER_MARK = 256 * 1024;

/**
 * The chunk size for a connection: its `pc.sctp.maxMessageSize` (the largest message the other
 * side accepts), capped at 64 KiB so one big message does not hold up everything behind it.
 */
export function chunkSizeFor(maxMessageSize: number | undefined): number {
  if (!maxMessageSize || maxMessageSize <= 0) return SAFE_CHUNK_BYTES;
  return Math.min(maxMessageSize, MAX_CHUNK_BYTES);
}

/** The `[start, end)` byte ranges that cut `size` bytes into chunks of `chunkSize` (the last one shorter). */
export function* chunkRanges(size: number, chunkSize: number): Generator<[number, number]> {
  for (let start = 0; start < size; start += chunkSize) {
    yield [start, Math.min(start + chunkSize, size)];
  }
}
// #endregion chunks

// #region format-bytes
/** A byte count for people: `980 B`, `45.1 kB`, `1.23 MB` (powers of 1000, as file sizes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}
// #endregion format-bytes
