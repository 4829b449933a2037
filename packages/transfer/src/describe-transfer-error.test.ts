import { expect, test } from 'vitest';
import { describeTransferError } from './describe-transfer-error.ts';
import { errorFromPeer, TransferError, type TransferErrorCode } from './transfer-error.ts';

test('every code has a title and a fix, and keeps the package’s own message', () => {
  const codes: TransferErrorCode[] = [
    'bad-message',
    'too-large',
    'hash-mismatch',
    'cancelled',
    'declined',
    'not-enough-space',
    'same-file-expected',
    'channel-closed',
    'sink-failed',
    'read-failed',
  ];
  for (const code of codes) {
    const described = describeTransferError(new TransferError(code, `message of ${code}`));
    expect(described.message).toBe(`message of ${code}`);
    expect(described.title.length).toBeGreaterThan(3);
    expect(described.fix.length).toBeGreaterThan(10);
  }
});

test('not enough space at the peer is worded for the sender', () => {
  const described = describeTransferError(errorFromPeer('not-enough-space', 'big.iso'));
  expect(described.title).toBe('The receiver has no room for it');
  expect(described.fix).toMatch(/^Ask them to free some disk space/);
});
