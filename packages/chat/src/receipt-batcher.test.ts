import { describe, expect, test, vi } from 'vitest';
import { CHAT_LIMITS } from './chat-frames.ts';
import { ReceiptBatcher } from './receipt-batcher.ts';

describe('ReceiptBatcher', () => {
  test('sends one batch per peer and state a turn later, each id once', async () => {
    const send = vi.fn();
    const batcher = new ReceiptBatcher(send);
    for (let i = 0; i < CHAT_LIMITS.batch + 5; i++) batcher.add('peer-a', 'delivered', `id-${i}`);
    batcher.add('peer-a', 'delivered', 'id-0');
    batcher.add('peer-b', 'read', 'id-0');
    expect(send).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(3));
    expect(send.mock.calls.map(([peer, state, ids]) => [peer, state, ids.length])).toEqual([
      ['peer-a', 'delivered', CHAT_LIMITS.batch],
      ['peer-a', 'delivered', 5],
      ['peer-b', 'read', 1],
    ]);
  });
});
