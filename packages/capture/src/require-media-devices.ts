/** The message of the error thrown when the page is not a secure context. */
export const INSECURE_CONTEXT_MESSAGE =
  'navigator.mediaDevices is undefined: browsers only offer cameras and microphones to secure pages.';

/**
 * Returns `navigator.mediaDevices`, or throws a `SecurityError` that `describeMediaError` explains.
 *
 * Browsers hide `navigator.mediaDevices` entirely on pages that are not a secure context (plain
 * `http://` on another machine's address), so without this check the learner only sees
 * "Cannot read properties of undefined".
 */
export function requireMediaDevices(): MediaDevices {
  // The DOM types say it always exists; on insecure pages it does not.
  const mediaDevices = navigator.mediaDevices as MediaDevices | undefined;
  if (!mediaDevices) throw new DOMException(INSECURE_CONTEXT_MESSAGE, 'SecurityError');
  return mediaDevices;
}
