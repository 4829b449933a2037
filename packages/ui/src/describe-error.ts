import { describeMediaError, isMediaError } from '@peerlab/capture';
import { describePeerError, PeerError } from '@peerlab/peer';
import { describeSignalingError, SignalingError } from '@peerlab/signaling';
import { describeTransferError, isTransferError } from '@peerlab/transfer';

/** An error put into words: what went wrong, and what to do about it. */
export interface ErrorDescription {
  title: string;
  message: string;
  fix: string;
}

/**
 * One vocabulary for every error a page can meet: each domain describes its own errors
 * (camera and microphone, signaling, the call with a peer, file transfers), and the rest get an honest
 * generic sentence with the original message kept.
 */
export function describeError(error: unknown): ErrorDescription {
  if (isErrorDescription(error)) return error;
  if (error instanceof SignalingError) return describeSignalingError(error);
  if (error instanceof PeerError) return describePeerError(error);
  if (isMediaError(error)) return describeMediaError(error);
  if (isTransferError(error)) return describeTransferError(error);
  const message = error instanceof Error ? error.message : String(error);
  return {
    title: 'Something went wrong',
    message: message || 'The page gave no reason.',
    fix: 'Try again. If it happens again, the browser console (F12) has the details.',
  };
}

/** Whether `value` already has a title, message and fix to show. */
function isErrorDescription(value: unknown): value is ErrorDescription {
  if (typeof value !== 'object' || value === null) return false;
  const { title, message, fix } = value as Partial<Record<keyof ErrorDescription, unknown>>;
  return typeof title === 'string' && typeof message === 'string' && typeof fix === 'string';
}
