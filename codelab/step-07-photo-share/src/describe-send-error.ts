import type { ErrorDescription } from '@peerlab/ui';
import { formatBytes } from './chunks.ts';
import { MAX_PHOTO_BYTES } from './photo-header.ts';
import { PhotoTooLargeError } from './photo-sender.ts';

/** Why a photo did not go, and what to do about it, for the page's `<pl-error>`. */
export function describeSendError(
  error: unknown,
  size: number,
  peerGone: boolean,
): ErrorDescription {
  if (error instanceof PhotoTooLargeError) {
    return {
      title: 'This photo is too large to send',
      message: `It is ${formatBytes(size)}, and photos go up to ${formatBytes(MAX_PHOTO_BYTES)}. Nothing was sent.`,
      fix: 'Lower the quality or pick JPEG: the same photo is encoded again at once.',
    };
  }
  return {
    title: 'The photo was not delivered',
    message: peerGone ? 'Your peer left before the whole photo arrived.' : String(error),
    fix: 'Wait for your peer to come back, then send it again.',
  };
}
