/** Every way a call with one peer can go wrong after both sides are in the room. */
export const PEER_ERROR_CODES = [
  /** The other side sent a description this browser cannot apply (malformed, or out of turn). */
  'bad-description',
  /** Creating or sending our own offer or answer failed. */
  'negotiation-failed',
  /** The TURN server said 401: its credentials expired, or were made with another secret. */
  'turn-refused',
] as const;
export type PeerErrorCode = (typeof PEER_ERROR_CODES)[number];

/** A failure of one call (not of the page): the other calls in the room go on. */
export class PeerError extends Error {
  override name = 'PeerError';

  constructor(
    readonly code: PeerErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** What went wrong with a call, as `<pl-error>` shows it: what happened, and what to do. */
export function describePeerError(error: PeerError): {
  title: string;
  message: string;
  fix: string;
} {
  switch (error.code) {
    case 'bad-description':
      return {
        title: 'The other peer sent a call set-up this browser cannot use',
        message: error.message,
        fix: 'The call with that peer stops; everyone else stays connected. Ask them to reload their page.',
      };
    case 'negotiation-failed':
      return {
        title: 'The call could not be set up',
        message: error.message,
        fix: 'Hang up and join again. If it keeps failing, try another browser.',
      };
    case 'turn-refused':
      return {
        title: 'The TURN server refused its credentials',
        message: `${error.message}: they expired, or the hub makes them with another secret than the TURN server checks them with. Calls that need a relay will not connect.`,
        fix: "Reload the page for fresh credentials. Running the hub? Give it coturn's static-auth-secret (PEERLAB_TURN_SECRET), or let peerlab serve --turn start both.",
      };
  }
}
