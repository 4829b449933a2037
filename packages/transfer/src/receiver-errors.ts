import { TransferError } from './transfer-error.ts';

/** The receiver's sentences, one per way a file goes wrong on this side. */
export const receiverErrors = {
  declined: (path: string) => new TransferError('declined', `You declined "${path}".`, { path }),
  cancelled: (path: string) => new TransferError('cancelled', `You cancelled "${path}".`, { path }),
  closed: (path: string) =>
    new TransferError(
      'channel-closed',
      `The connection closed before "${path}" was complete; what was verified is kept for a resume.`,
      { path },
    ),
  rangeDamaged: (path: string) =>
    new TransferError(
      'hash-mismatch',
      `Part of "${path}" arrived damaged; it is being sent again.`,
      { path },
    ),
  keptDamaged: (path: string) =>
    new TransferError('hash-mismatch', `"${path}" kept arriving damaged, so it was given up.`, {
      path,
    }),
  wholeMismatch: (path: string, resumed: boolean) =>
    new TransferError(
      'hash-mismatch',
      resumed
        ? `"${path}" does not match the sender's SHA-256. It was resumed: the file may have ` +
            'changed at the sender since the first attempt. Ask for it again from the start.'
        : `"${path}" does not match the sender's SHA-256, so it was thrown away.`,
      { path },
    ),
  sinkFailed: (path: string, cause: unknown) =>
    new TransferError('sink-failed', `Could not save "${path}".`, { path }, { cause }),
};
