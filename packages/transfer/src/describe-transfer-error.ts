import type { TransferError } from './transfer-error.ts';

/**
 * A transfer error in the words `<pl-error>` shows: a title per code, the error's own message
 * (written by this package, never the peer's words), and what to do about it.
 */
export function describeTransferError(error: TransferError): {
  title: string;
  message: string;
  fix: string;
} {
  const { message, details } = error;
  switch (error.code) {
    case 'not-enough-space':
      // The message already says how much is needed and how much is free.
      return {
        title: details.byPeer ? 'The receiver has no room for it' : 'Not enough space',
        message,
        fix: details.byPeer
          ? 'Ask them to free some disk space, then offer it again.'
          : 'Free some disk space (or delete earlier files from this page), then ask for it again.',
      };
    case 'too-large':
      return {
        title: 'Too large to take',
        message,
        fix: 'Send it in a browser that can write to disk as it arrives (Chromium, Firefox, Safari 17+), or send a smaller file.',
      };
    case 'hash-mismatch':
      return {
        title: 'The file arrived damaged',
        message,
        fix: 'Ask for it again. If it keeps happening, the file may be changing at the sender while it is sent.',
      };
    case 'cancelled':
      return { title: 'Cancelled', message, fix: 'Offer or ask for it again to start over.' };
    case 'declined':
      return { title: 'Declined', message, fix: 'Nothing to do: the receiver said no.' };
    case 'same-file-expected':
      return {
        title: 'Not the same file',
        message,
        fix: 'Pick the very file that was half sent to resume it, or let this one start afresh.',
      };
    case 'channel-closed':
      return {
        title: 'The connection dropped',
        message,
        fix: 'Stay in the room: when you are both back, it is offered again and resumes from what was verified.',
      };
    case 'sink-failed':
      return {
        title: 'Could not save the file',
        message,
        fix: 'Check that the page may use storage (not a private window with storage off), then ask for it again.',
      };
    case 'read-failed':
      return {
        title: 'Could not read the file to send it',
        message,
        fix: 'It was moved, deleted or changed while it was sent: pick it again.',
      };
    case 'bad-message':
      return {
        title: 'The other side sent something unexpected',
        message,
        fix: 'It was ignored and the transfer goes on. If transfers stall, both reload the page.',
      };
  }
}
