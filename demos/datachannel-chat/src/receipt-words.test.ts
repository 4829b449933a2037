import type { ChatEntry, ReceiptState } from '@peerlab/chat';
import { describe, expect, test } from 'vitest';
import { receiptWords } from './receipt-words.ts';

const entry = (mine: boolean, receipts: [string, ReceiptState][]): ChatEntry => ({
  mine,
  receipts: new Map(receipts),
  message: {
    type: 'msg',
    id: 'id-00000000',
    author: 'me-00000000',
    nick: 'Me',
    clock: 1,
    at: 0,
    text: 'hi',
  },
});
const nick = (author: string) => author.toUpperCase();

describe('receiptWords', () => {
  test('says how far the message got to each member, furthest first', () => {
    const words = receiptWords(
      entry(true, [
        ['bob', 'read'],
        ['cy', 'delivered'],
        ['dee', 'sent'],
        ['eve', 'queued'],
        ['fay', 'read'],
      ]),
      nick,
    );
    expect(words).toBe('read by BOB, FAY · delivered to CY · sent to DEE · waiting for EVE');
  });

  test('is empty on messages of others, and says so when no one else was there', () => {
    expect(receiptWords(entry(false, [['bob', 'read']]), nick)).toBe('');
    expect(receiptWords(entry(true, []), nick)).toBe('written (no one else here yet)');
  });
});
