// #region header
/** The first message of every photo: what is coming, and how to check it arrived whole. */
export interface PhotoHeader {
  kind: 'photo';
  /** A file name for the download link, such as `photo-1.jpg`. */
  name: string;
  /** The encoding, as `canvas.toBlob` made it. */
  type: 'image/jpeg' | 'image/webp' | 'image/png';
  /** Bytes to expect: the receiver knows when the photo is complete. */
  size: number;
  width: number;
  height: number;
  /** The SHA-256 of the photo's bytes, in hex: the receiver checks nothing changed on the way. */
  sha256: string;
}

/** The receiver's answer once the last chunk is in: verified, or not. */
export interface PhotoAck {
  kind: 'ack';
  sha256: string;
  verified: boolean;
}

/** The largest photo this page sends or accepts: 5 MB. */
export const MAX_PHOTO_BYTES = 5_000_000;
const MAX_SIDE = 8192;
const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/webp', 'image/png'];
// #endregion header

// #region sha256
/** The SHA-256 of `bytes` as 64 hex digits, from the browser's own crypto (`crypto.subtle`). */
export async function sha256Hex(bytes: BufferSource): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
// #endregion sha256

// #region read-header
const isWhole = (value: unknown, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max;

/**
 * Checks a header that came from the other peer, field by field: anything from the network is
 * untrusted. Returns a clean copy, or throws a `TypeError` that says what is wrong.
 */
export function readHeader(value: unknown): PhotoHeader {
  const h = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const rules: [ok: boolean, problem: string][] = [
    [h.kind === 'photo', 'its kind is not "photo"'],
    [typeof h.name === 'string' && /^[\w.-]{1,100}$/.test(h.name), 'its name is not a file name'],
    [PHOTO_TYPES.includes(h.type as string), 'its type is not JPEG, WebP or PNG'],
    [!(Number(h.size) > MAX_PHOTO_BYTES), `its size is over ${MAX_PHOTO_BYTES} bytes`],
    [isWhole(h.size, MAX_PHOTO_BYTES), 'its size is not a whole number of bytes'],
    [isWhole(h.width, MAX_SIDE) && isWhole(h.height, MAX_SIDE), 'its width or height is wrong'],
    [
      typeof h.sha256 === 'string' && /^[0-9a-f]{64}$/.test(h.sha256),
      'its sha256 is not 64 hex digits',
    ],
  ];
  const broken = rules.find(([ok]) => !ok);
  if (broken) throw new TypeError(`not a photo header: ${broken[1]}`);
  const { name, type, size, width, height, sha256 } = h as unknown as PhotoHeader;
  return { kind: 'photo', name, type, size, width, height, sha256 };
}
// #endregion read-header

// #region read-ack
/** The ack in a message from the channel, or `undefined` if the message is anything else. */
export function readAck(data: unknown): PhotoAck | undefined {
  if (typeof data !== 'string') return undefined;
  try {
    const ack = JSON.parse(data) as Partial<PhotoAck>;
    const ok =
      ack.kind === 'ack' && typeof ack.sha256 === 'string' && typeof ack.verified === 'boolean';
    return ok ? (ack as PhotoAck) : undefined;
  } catch {
    return undefined; // not JSON: not an ack
  }
}
// #endregion read-ack
