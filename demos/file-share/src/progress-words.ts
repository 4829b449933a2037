import { formatBytes } from '@peerlab/transfer';

// #region words
/** Where one file (or one peer's share of an offer) stands, as the page says it. */
export type TransferState =
  | { kind: 'waiting' }
  | { kind: 'offered' }
  | { kind: 'moving'; done: number; size: number; bytesPerSecond: number; resumedFrom: number }
  | { kind: 'complete' }
  | { kind: 'declined' }
  | { kind: 'cancelled' }
  | { kind: 'failed' }
  | { kind: 'interrupted' };

/** The words for a state: what a learner reads next to the progress bar. */
export function stateWords(state: TransferState): string {
  switch (state.kind) {
    case 'waiting':
      return 'waiting for the receiver';
    case 'offered':
      return 'offered to you: accept or decline';
    case 'moving':
      return movingWords(state);
    case 'complete':
      return 'complete, SHA-256 verified';
    case 'declined':
      return 'declined';
    case 'cancelled':
      return 'cancelled';
    case 'failed':
      return 'failed';
    case 'interrupted':
      return 'connection dropped: it resumes from what was verified when you are both back';
  }
}
// #endregion words

function movingWords({
  done,
  size,
  bytesPerSecond,
  resumedFrom,
}: Extract<TransferState, { kind: 'moving' }>): string {
  const parts = [`${formatBytes(done)} of ${formatBytes(size)}`];
  if (bytesPerSecond > 0) {
    parts.push(`${formatBytes(Math.round(bytesPerSecond))}/s`);
    parts.push(`${formatDuration((size - done) / bytesPerSecond)} left`);
  }
  // A resume that has not moved yet says so first: that is what the person is waiting to see.
  if (resumedFrom > 0) parts.unshift(`resuming from ${percent(resumedFrom, size)} %`);
  return parts.join(' · ');
}

/** Whole percent, rounded down, so 99.9 % is never shown as done. */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.floor((100 * part) / whole) : 100;
}

/** A time left, to the second under a minute and to the minute above. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
