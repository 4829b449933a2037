import { SignalingError } from '@peerlab/signaling';
import type { ErrorDescription } from '@peerlab/ui';

// #region describe
/** What went wrong with signaling, as `<pl-error>` shows it: what happened, and what to do. */
export function describeSignalingError(error: unknown): ErrorDescription {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof SignalingError)) {
    // Such as the hub not answering the join at all.
    return { title: 'Could not join the room', message, fix: 'Check that the hub is running.' };
  }
  if (error.code === 'room-full') {
    return {
      title: 'This room is full',
      message, // from the server: which room, and how many it holds
      fix: 'Pick another room name, or wait until one of the two hangs up.',
    };
  }
  return { title: 'The signaling server said no', message, fix: 'Hang up and join again.' };
}
// #endregion describe
