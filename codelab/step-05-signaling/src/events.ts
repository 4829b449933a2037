import type {
  JoinedResult,
  JoinRequest,
  PeerInfo,
  PeerLeft,
  RelayedSignal,
  RelayRequest,
  SignalingErrorPayload,
} from '@peerlab/signaling';

// The PeerLab signaling protocol as socket.io events, with the types from @peerlab/signaling
// (types only: nothing of the package ends up in this page).

// #region client-events
/** What a page sends the server. */
export interface ClientEvents {
  /** Join a room (leaving any other); the server answers through `ack`. */
  join: (request: JoinRequest, ack: (reply: JoinReply) => void) => void;
  /** Send a payload to one peer of your room (`to`), or to all the others. */
  relay: (request: RelayRequest) => void;
  leave: () => void;
}

/** The server's answer to `join`. */
export type JoinReply = JoinedResult | { ok: false; error: SignalingErrorPayload };
// #endregion client-events

// #region server-events
/** What the server sends a page. */
export interface ServerEvents {
  'peer-joined': (peer: PeerInfo) => void;
  'peer-left': (peer: PeerLeft) => void;
  /** A payload from another peer of the room. */
  relay: (signal: RelayedSignal) => void;
  /** Something this page sent was refused; `code` says why, `message` in words. */
  error: (error: SignalingErrorPayload) => void;
}
// #endregion server-events
