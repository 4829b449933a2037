import type { SignalingError, SignalingErrorCode } from './errors.ts';

/** A signaling error in words: what happened (the server's sentence) and what to do. */
export interface SignalingErrorDescription {
  title: string;
  message: string;
  fix: string;
}

// #region describe
/** A title and a fix for every code; the message is the server's own, which names the detail. */
const WORDS: Record<SignalingErrorCode, { title: string; fix: string }> = {
  'invalid-message': {
    title: 'The hub could not read a message from this page',
    fix: 'Reload the page. If you wrote this page, compare what it sends with docs/protocol.md.',
  },
  'unsupported-version': {
    title: 'This page and the hub speak different versions',
    fix: 'Reload the page to get the version the hub speaks.',
  },
  'invalid-room-name': {
    title: 'That room name will not work',
    fix: 'Pick a name that follows that rule, such as "lab-1".',
  },
  'room-full': {
    title: 'This room is full',
    fix: 'Pick another room name, or ask someone in the room to leave.',
  },
  'capacity-too-large': {
    title: 'That room size is too large for this hub',
    fix: 'Ask for a smaller room.',
  },
  'not-in-room': {
    title: 'Not in a room yet',
    fix: 'Join a room first, then send.',
  },
  'unknown-peer': {
    title: 'That peer is not in the room',
    fix: 'They may have just left: wait for them to join again.',
  },
  'payload-too-large': {
    title: 'That message is too large for the hub',
    fix: 'Send large data over a data channel, peer to peer, not through signaling.',
  },
  'rate-limited': {
    title: 'Too many messages too fast',
    fix: 'Slow down: the hub dropped this one, and takes more in a second.',
  },
  'origin-not-allowed': {
    title: 'The hub refused this page',
    fix: 'Open the page from the hub’s own address. For a page served elsewhere, start the hub with --origin; for a hub reached by another name, with --public-url.',
  },
  'unknown-event': {
    title: 'The hub does not know that event',
    fix: 'Check the event name against docs/protocol.md.',
  },
  'too-many-connections': {
    title: 'Too many connections from this address',
    fix: 'Close some of the tabs that use this hub, then reload.',
  },
  'too-many-rooms': {
    title: 'Too many rooms from this address',
    fix: 'Leave a room you no longer use before you create another.',
  },
  'hub-unreachable': {
    title: 'The hub is not answering',
    fix: 'Start it (npm start, or npm run hub), check its address, then join again.',
  },
  'internal-error': {
    title: 'The hub could not handle that message',
    fix: 'Try again. If it keeps happening, the hub’s log says why.',
  },
};

/** Explains a refusal from the signaling server, as `<pl-error>` shows it. */
export function describeSignalingError(error: SignalingError): SignalingErrorDescription {
  const words = WORDS[error.code] ?? {
    title: 'The hub refused a message',
    fix: 'Reload the page and try again.',
  };
  return { ...words, message: error.message };
}
// #endregion describe
