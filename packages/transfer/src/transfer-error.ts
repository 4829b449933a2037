/**
 * Every way a transfer can fail, as a code a page can switch on. The message is written for the
 * person watching the transfer; `details` carries the numbers behind it.
 */
export type TransferErrorCode =
  /** The peer sent something this protocol does not allow; it was ignored. */
  | 'bad-message'
  /** A file over the limit of the sink or of the receiver. */
  | 'too-large'
  /** The bytes that arrived are not the bytes that were sent. */
  | 'hash-mismatch'
  /** This side or the peer stopped the transfer. */
  | 'cancelled'
  /** The receiver said no to the file. */
  | 'declined'
  /** The receiver's storage cannot hold the files. */
  | 'not-enough-space'
  /** A resume was offered a different file than the one half received. */
  | 'same-file-expected'
  /** The data channel closed before the file was complete (it can be resumed). */
  | 'channel-closed'
  /** The receiver could not write the file where it was going. */
  | 'sink-failed'
  /** The sender could not read its own file (moved, deleted, or changed while sent). */
  | 'read-failed';

export interface TransferErrorDetails {
  /** The file concerned, as the receiver names it. */
  path?: string;
  /** Bytes the receiver would need (not-enough-space, too-large). */
  needed?: number;
  /** Bytes it has (not-enough-space) or allows (too-large). */
  available?: number;
  /** True when the peer, not this side, reported the failure. */
  byPeer?: boolean;
}

export class TransferError extends Error {
  override readonly name = 'TransferError';

  constructor(
    readonly code: TransferErrorCode,
    message: string,
    readonly details: TransferErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function isTransferError(value: unknown): value is TransferError {
  return value instanceof TransferError;
}

/** The codes one side may send the other in a `cancel` or a declined answer. */
export const WIRE_CODES = [
  'cancelled',
  'declined',
  'too-large',
  'hash-mismatch',
  'not-enough-space',
  'sink-failed',
] as const satisfies readonly TransferErrorCode[];
export type WireCode = (typeof WIRE_CODES)[number];

/**
 * The error for a code the peer sent. Only the code crosses the wire, never the peer's own words:
 * the page shows sentences written here, not text a stranger chose.
 */
export function errorFromPeer(code: WireCode, path: string): TransferError {
  const said: Record<WireCode, string> = {
    cancelled: `The other side cancelled "${path}".`,
    declined: `The other side declined "${path}".`,
    'too-large': `"${path}" is larger than the other side accepts.`,
    'hash-mismatch': `"${path}" arrived damaged: its SHA-256 did not match, so it was thrown away.`,
    'not-enough-space': `The other side has not enough free space for "${path}".`,
    'sink-failed': `The other side could not save "${path}".`,
  };
  return new TransferError(code, said[code], { path, byPeer: true });
}

/** The code to tell the peer for an error of this side: one the wire carries, else `declined`. */
export function wireCode(error: unknown): WireCode {
  const code = error instanceof TransferError ? error.code : 'declined';
  return (WIRE_CODES as readonly string[]).includes(code) ? (code as WireCode) : 'declined';
}
