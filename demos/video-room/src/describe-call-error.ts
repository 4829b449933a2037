import { SignalingError } from '@peerlab/signaling';

export interface ErrorDescription {
  title: string;
  message: string;
  fix: string;
}

const SIGNALING_FIXES: Partial<Record<SignalingError['code'], { title: string; fix: string }>> = {
  'room-full': {
    title: 'This room is full',
    fix: 'Pick another room name, or ask someone to leave.',
  },
  'invalid-room-name': {
    title: 'That room name will not work',
    fix: 'Use letters, digits, ".", "_" or "-" (up to 64), starting with a letter or digit.',
  },
  'origin-not-allowed': {
    title: 'The hub refused this page',
    fix: 'Open the page from the hub itself, or start the hub with --origin for this page.',
  },
};

/** A refusal from the signaling server, or anything else that stops a call, told plainly. */
export function describeCallError(error: unknown): ErrorDescription {
  if (error instanceof SignalingError) {
    const known = SIGNALING_FIXES[error.code];
    return {
      title: known?.title ?? 'The signaling server said no',
      message: error.message,
      fix: known?.fix ?? 'Reload the page and try again.',
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { title: 'Something went wrong', message, fix: 'Reload the page and try again.' };
}
