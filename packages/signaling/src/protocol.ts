import { z } from 'zod';
import type { SignalingErrorPayload } from './errors.ts';
import { measureJson } from './json-shape.ts';
import {
  PROTOCOL_VERSION,
  ROOM_CAPACITY,
  ROOM_NAME_PATTERN,
  ROOM_NAME_RULE,
} from './protocol-limits.ts';

/**
 * The PeerLab signaling protocol, shared by the browser client and the Node server.
 * Every client → server payload is validated at runtime with these schemas: a browser is
 * untrusted input, and a malformed message must get a typed error, never a crash.
 */

// #region limits
// The numbers a page needs too live in protocol-limits.ts, which does not import zod.
export {
  PROTOCOL_VERSION,
  ROOM_CAPACITY,
  ROOM_NAME_PATTERN,
  ROOM_NAME_RULE,
} from './protocol-limits.ts';

/** A `message` body is any JSON up to 32 levels deep and 64 KiB. */
export const MESSAGE_BODY_LIMITS = { depth: 32, size: 64 * 1024 } as const;
// #endregion limits

export const roomNameSchema = z.string().regex(ROOM_NAME_PATTERN, ROOM_NAME_RULE);

/** Peer ids are issued by the server; clients only send them back. */
export const peerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a valid peer id.');

// #region join-request
export const joinRequestSchema = z.strictObject({
  v: z.literal(PROTOCOL_VERSION),
  room: roomNameSchema,
  /** How many peers the room holds; only used by whoever creates the room. */
  capacity: z.int().min(ROOM_CAPACITY.min).max(ROOM_CAPACITY.ceiling).optional(),
  /** Sent back after a reconnect, to get the same peer id and role. */
  resume: z.strictObject({ peerId: peerIdSchema, token: z.string().min(16).max(128) }).optional(),
});
export type JoinRequest = z.infer<typeof joinRequestSchema>;
// #endregion join-request

// #region signal-payload
// The browser makes these two objects, and some browsers add fields (such as `foundation`):
// z.object accepts and drops unknown fields. The envelopes around them stay strict.
const sessionDescriptionSchema = z.object({
  type: z.enum(['offer', 'answer', 'pranswer', 'rollback']),
  sdp: z.string().optional(),
});

const iceCandidateSchema = z.object({
  candidate: z.string(),
  sdpMid: z.string().nullable().optional(),
  sdpMLineIndex: z.int().min(0).nullable().optional(),
  usernameFragment: z.string().nullable().optional(),
});

/**
 * Any JSON, measured first without recursion: z.json() recurses, so a body nested 100,000
 * levels deep would overflow the stack inside it. `__proto__` keys are refused because a
 * rebuilt object would take them as its prototype, and the body would not arrive as sent.
 */
const messageBodySchema = z
  .unknown()
  .superRefine((body, ctx) => {
    const problem = messageBodyProblem(body);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .pipe(z.json());

function messageBodyProblem(body: unknown): string | undefined {
  const { depth, size } = MESSAGE_BODY_LIMITS;
  const shape = measureJson(body, { depth, size });
  if (shape.depth > depth) return `The body is nested more than ${depth} levels deep.`;
  if (shape.size > size) return `The body is larger than ${size} bytes.`;
  if (shape.protoKey) return 'The body uses the key "__proto__", which cannot be relayed.';
  return undefined;
}

/** What one peer sends another through the server. */
export const signalPayloadSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('description'), description: sessionDescriptionSchema }),
  /** `candidate: null` means "no more candidates" (end of gathering). */
  z.strictObject({ kind: z.literal('candidate'), candidate: iceCandidateSchema.nullable() }),
  /** Anything the app wants to say over signaling (a chat line, a "hello"). */
  z.strictObject({ kind: z.literal('message'), body: messageBodySchema }),
]);
export type SignalPayload = z.infer<typeof signalPayloadSchema>;
// #endregion signal-payload

// #region relay-request
/** Relay to one peer (`to`) or, without `to`, to everyone else in the sender's room. */
export const relayRequestSchema = z.strictObject({
  to: peerIdSchema.optional(),
  payload: signalPayloadSchema,
});
export type RelayRequest = z.infer<typeof relayRequestSchema>;
// #endregion relay-request

// #region ice-report
/**
 * How one call's ICE went, as a page tells the hub (for its `/metrics`): connected, over which
 * kind of path and how long after the call began, or failed.
 */
export const iceReportSchema = z.strictObject({
  kind: z.literal('ice'),
  outcome: z.enum(['connected', 'failed']),
  /** The type of the selected pair's local candidate: `relay` went through TURN. */
  pair: z.enum(['host', 'srflx', 'prflx', 'relay']).optional(),
  /** From the call's start to `connected`, in milliseconds. */
  connectMs: z.number().min(0).max(600_000).optional(),
});
export type IceReport = z.infer<typeof iceReportSchema>;
// #endregion ice-report

/** A peer already in the room, or one that just joined it. */
export interface PeerInfo {
  peerId: string;
  /** True when *you* are the polite side toward this peer (you joined after it). */
  polite: boolean;
}

// #region ice-config
/**
 * The STUN/TURN servers for this peer's calls: pass `iceServers` to `new RTCPeerConnection()`.
 * TURN credentials in it are this peer's own and short-lived: ask for fresh ones (`ice`)
 * before `ttlSeconds` have passed, and before an ICE restart.
 */
export interface IceConfig {
  iceServers: RTCIceServer[];
  /** Present when TURN credentials are included: how long they stay valid from now. */
  ttlSeconds?: number;
}

/** The server's answer to `ice`. */
export type IceReply = { ok: true; ice: IceConfig } | { ok: false; error: SignalingErrorPayload };
// #endregion ice-config

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
  /** This peer's ICE servers, when the hub hands them out (a PeerLab hub does). */
  ice?: IceConfig;
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
  /** Fresh ICE servers (new TURN credentials) for this peer; only once in a room. */
  ice: (ack: (reply: IceReply) => void) => void;
  /** How a call's ICE went, for the hub's metrics; answered only if refused. */
  report: (report: IceReport) => void;
}
// #endregion client-events

// #region server-events
/** The socket.io events the server sends a page. */
export interface ServerEvents {
  /** The answer to a `join` sent without an ack callback (with one, the ack gets it). */
  joined: (result: JoinedResult) => void;
  'peer-joined': (peer: PeerInfo) => void;
  'peer-left': (peer: PeerLeft) => void;
  /** A payload from another peer of the room. */
  relay: (signal: RelayedSignal) => void;
  /** Something this page sent was refused; `code` says why, `message` in words. */
  error: (error: SignalingErrorPayload) => void;
}
// #endregion server-events
