import { z } from 'zod';
import type { SignalingErrorPayload } from './errors.ts';

/**
 * The PeerLab signaling protocol, shared by the browser client and the Node server.
 * Every client → server payload is validated at runtime with these schemas: a browser is
 * untrusted input, and a malformed message must get a typed error, never a crash.
 */
export const PROTOCOL_VERSION = 1;

/** Room names: 1–64 letters, digits, `.`, `_` or `-`, starting with a letter or digit. */
export const ROOM_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const roomNameSchema = z
  .string()
  .regex(
    ROOM_NAME_PATTERN,
    'Room names are 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit.',
  );

/** Peer ids are issued by the server; clients only send them back. */
export const peerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a valid peer id.');

export const joinRequestSchema = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  room: roomNameSchema,
  /** How many peers the room holds; only used by whoever creates the room. */
  capacity: z.int().min(2).max(64).optional(),
  /** Sent back after a reconnect, to get the same peer id and role. */
  resume: z.strictObject({ peerId: peerIdSchema, token: z.string().min(16).max(128) }).optional(),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;

const sessionDescriptionSchema = z.strictObject({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().optional(),
});

const iceCandidateSchema = z.strictObject({
  candidate: z.string(),
  sdpMid: z.string().nullable().optional(),
  sdpMLineIndex: z.int().min(0).nullable().optional(),
  usernameFragment: z.string().nullable().optional(),
});

/** What one peer sends another through the server. */
export const signalPayloadSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('description'), description: sessionDescriptionSchema }),
  /** `candidate: null` means "no more candidates" (end of gathering). */
  z.strictObject({ kind: z.literal('candidate'), candidate: iceCandidateSchema.nullable() }),
  /** Anything the app wants to say over signaling (a chat line, a "hello"). */
  z.strictObject({ kind: z.literal('message'), body: z.json() }),
]);
export type SignalPayload = z.infer<typeof signalPayloadSchema>;

/** Relay to one peer (`to`) or, without `to`, to everyone else in the sender's room. */
export const relayRequestSchema = z.strictObject({
  to: peerIdSchema.optional(),
  payload: signalPayloadSchema,
});
export type RelayRequest = z.infer<typeof relayRequestSchema>;

/** A peer already in the room, or one that just joined it. */
export interface PeerInfo {
  peerId: string;
  /** True when *you* are the polite side toward this peer (you joined after it). */
  polite: boolean;
}

export interface JoinedResult {
  ok: true;
  v: typeof PROTOCOL_VERSION;
  room: string;
  peerId: string;
  /** Keep it secret: it lets this client reclaim its peer id after a network drop. */
  token: string;
  capacity: number;
  peers: PeerInfo[];
  /** True when the server recognised the resume token and restored the old peer id. */
  resumed: boolean;
}

export interface PeerLeft {
  peerId: string;
  reason: 'left' | 'disconnected';
}

export interface RelayedSignal {
  from: string;
  payload: SignalPayload;
}

/** The server's answer to `join`. */
export type JoinReply = JoinedResult | { ok: false; error: SignalingErrorPayload };

// #region client-events
/** The socket.io events a page sends the server. */
export interface ClientEvents {
  /** Join a room (leaving any other); the server answers through `ack`. */
  join: (request: JoinRequest, ack: (reply: JoinReply) => void) => void;
  /** Send a payload to one peer of your room (`to`), or to all the others. */
  relay: (request: RelayRequest) => void;
  leave: () => void;
}
// #endregion client-events

// #region server-events
/** The socket.io events the server sends a page. */
export interface ServerEvents {
  'peer-joined': (peer: PeerInfo) => void;
  'peer-left': (peer: PeerLeft) => void;
  /** A payload from another peer of the room. */
  relay: (signal: RelayedSignal) => void;
  /** Something this page sent was refused; `code` says why, `message` in words. */
  error: (error: SignalingErrorPayload) => void;
}
// #endregion server-events
