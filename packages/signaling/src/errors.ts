import { ROOM_NAME_RULE } from './protocol-limits.ts';

/**
 * Every way the server can refuse a client's event or connection, and the one failure the
 * client names itself: `hub-unreachable`, when the hub does not answer a join at all.
 */
export const SIGNALING_ERROR_CODES = [
  'invalid-message',
  'unsupported-version',
  'invalid-room-name',
  'room-full',
  'capacity-too-large',
  'not-in-room',
  'unknown-peer',
  'payload-too-large',
  'rate-limited',
  'origin-not-allowed',
  'unknown-event',
  'too-many-connections',
  'too-many-rooms',
  'internal-error',
  'hub-unreachable',
] as const;
export type SignalingErrorCode = (typeof SIGNALING_ERROR_CODES)[number];

/** The payload of the server's `error` event (and of a refused join's acknowledgement). */
export interface SignalingErrorPayload {
  code: SignalingErrorCode;
  /** A sentence a learner understands. */
  message: string;
  /** The client event that caused it. */
  event?: string;
}

/** A refusal from the signaling server, as the client throws or emits it. */
export class SignalingError extends Error {
  readonly code: SignalingErrorCode;
  readonly event: string | undefined;

  constructor(payload: SignalingErrorPayload) {
    super(payload.message);
    this.name = 'SignalingError';
    this.code = payload.code;
    this.event = payload.event;
  }
}

/** Builds the payload with a default sentence for each code; `detail` refines it. */
export function signalingError(
  code: SignalingErrorCode,
  detail?: string,
  event?: string,
): SignalingErrorPayload {
  const message = detail ?? DEFAULT_MESSAGES[code];
  return event === undefined ? { code, message } : { code, message, event };
}

const DEFAULT_MESSAGES: Record<SignalingErrorCode, string> = {
  'invalid-message': 'The server could not read that message: its fields are missing or wrong.',
  'unsupported-version': 'This page speaks a different signaling protocol version: reload it.',
  'invalid-room-name': ROOM_NAME_RULE,
  'room-full': 'This room is full. Pick another room name or ask someone to leave.',
  'capacity-too-large': 'That room size is larger than this server allows.',
  'not-in-room': 'Join a room first: messages only go to peers in your own room.',
  'unknown-peer': 'That peer is not in your room (it may have just left).',
  'payload-too-large': 'That message is too large for the signaling server.',
  'rate-limited': 'Too many messages too fast: this one was dropped. Slow down.',
  'origin-not-allowed': 'This server does not accept connections from pages on that origin.',
  'unknown-event': 'The server does not know that event.',
  'too-many-connections':
    'Your network address already has as many connections to the hub as it allows. Close some tabs and reload.',
  'too-many-rooms':
    'Your network address already has as many rooms open as the hub allows. Leave one, or join an existing room.',
  'hub-unreachable': 'The hub did not answer. Is it running?',
  'internal-error':
    'The hub hit an unexpected problem with that message and dropped it; the connection still works.',
};
