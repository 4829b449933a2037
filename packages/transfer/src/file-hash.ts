import { createSHA256, type IHasher } from 'hash-wasm';

/**
 * SHA-256, computed piece by piece as the bytes stream past. WebCrypto's `digest()` wants the
 * whole input at once, which for a 4 GiB file means 4 GiB in memory (so it does only the 1 MiB
 * ranges, below); hash-wasm's hasher takes `update()` calls and can also `save()` its state, so
 * a resumed transfer goes on hashing where the first attempt stopped instead of reading
 * everything again.
 */
export type Hasher = IHasher;

/**
 * Hashers are lent from a small pool. Each one is a WebAssembly instance with its own memory,
 * and the browser reserves address space for every such memory until it is collected: making
 * two per file for a folder of a few dozen files ran Chromium out of Wasm memory.
 */
const pool: Hasher[] = [];
const POOL_SIZE = 8;

/** A SHA-256 hasher, initialised; give it back with `releaseHasher` when done. */
export async function acquireHasher(): Promise<Hasher> {
  return (pool.pop() ?? (await createSHA256())).init();
}

/** Returns a hasher to the pool; it must not be used after this. */
export function releaseHasher(hasher: Hasher): void {
  if (pool.length < POOL_SIZE && !pool.includes(hasher)) pool.push(hasher);
}

/**
 * The SHA-256 of bytes already in memory, in hex: a 1 MiB range. WebCrypto does it in native
 * code (SHA instructions where the CPU has them), six times faster than the Wasm hasher here,
 * and off the page's thread. It needs a secure context; elsewhere the Wasm hasher does it.
 */
export async function sha256OfBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  if (globalThis.crypto?.subtle) {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  }
  const hasher = await acquireHasher();
  try {
    return hasher.update(bytes).digest('hex');
  } finally {
    releaseHasher(hasher);
  }
}

/** How much of a Blob is read into memory at a time while hashing it. */
const READ_BYTES = 8 * 1024 * 1024;

/** Feeds bytes `[start, end)` of `blob` to `hasher`, a slice at a time. */
export async function hashBlobInto(
  hasher: Hasher,
  blob: Blob,
  start = 0,
  end = blob.size,
): Promise<void> {
  for (let offset = start; offset < end; offset += READ_BYTES) {
    const slice = blob.slice(offset, Math.min(end, offset + READ_BYTES));
    hasher.update(new Uint8Array(await slice.arrayBuffer()));
  }
}

/** The SHA-256 of a whole Blob (or File), in hex. */
export async function sha256OfBlob(blob: Blob): Promise<string> {
  const hasher = await acquireHasher();
  try {
    await hashBlobInto(hasher, blob);
    return hasher.digest('hex');
  } finally {
    releaseHasher(hasher);
  }
}

/** A hasher's saved state as text, to keep in a `ResumeState` (JSON has no bytes). */
export function encodeState(state: Uint8Array): string {
  let text = '';
  for (const byte of state) text += String.fromCharCode(byte);
  return btoa(text);
}

/** The bytes of `encodeState`'s text; throws on text that is not base64. */
export function decodeState(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** True if `state` (from `encodeState`) loads into a SHA-256 hasher of this build. */
export async function isHashState(state: string): Promise<boolean> {
  const hasher = await acquireHasher();
  try {
    hasher.load(decodeState(state));
    return true;
  } catch {
    return false;
  } finally {
    releaseHasher(hasher);
  }
}
