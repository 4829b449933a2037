import * as z from 'zod/mini';

/**
 * What a receiver keeps between attempts, to ask only for what it lacks. It is plain JSON: the
 * page stores it where it likes (sessionStorage, IndexedDB) and hands it to the next receiver.
 * Ranges are checked in order, so "verified" is a count from the start of the file; with it
 * goes the whole-file hasher's state at that point, so the whole-file SHA-256 goes on from there
 * without reading the first part again.
 */
export interface ResumeEntry {
  /** The file's path as the receiver named it (after `safeRelativePath`). */
  path: string;
  /** With the path, what says a new offer is the same file. */
  size: number;
  lastModified: number;
  /** The range size of the attempt, as the offer said. */
  rangeBytes: number;
  /** Ranges from the start whose digest matched and whose bytes the sink took. */
  verifiedRanges: number;
  /** hash-wasm's SHA-256 state after those ranges, base64. */
  hashState: string;
}

export interface ResumeState {
  v: 1;
  files: ResumeEntry[];
}

const entrySchema = z.strictObject({
  path: z.string().check(z.minLength(1), z.maxLength(4096)),
  size: z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  lastModified: z.int(),
  rangeBytes: z.int().check(z.minimum(1)),
  verifiedRanges: z.int().check(z.minimum(0)),
  hashState: z.base64().check(z.maxLength(4096)),
});
const stateSchema = z.strictObject({ v: z.literal(1), files: z.array(entrySchema) });

/** A state read back from storage, checked; `undefined` if it is not one (start afresh). */
export function parseResumeState(value: unknown): ResumeState | undefined {
  const parsed = stateSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Bytes of the entry's file that need not be sent again. */
export function verifiedBytes(entry: ResumeEntry): number {
  return Math.min(entry.size, entry.verifiedRanges * entry.rangeBytes);
}
