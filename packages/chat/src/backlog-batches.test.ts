import { describe, expect, test } from 'vitest';
import { BACKLOG_BATCH_CHARS, backlogBatches } from './backlog-batches.ts';
import { CHAT_LIMITS } from './chat-frames.ts';
import { makeMessage } from './test-support/messages.ts';

describe('backlogBatches', () => {
  test('cuts by count and by size, keeps the order, and loses nothing', () => {
    const small = Array.from({ length: 2500 }, () => makeMessage());
    const batches = backlogBatches(small);
    expect(batches.map((b) => b.length)).toEqual([CHAT_LIMITS.batch, CHAT_LIMITS.batch, 500]);
    expect(batches.flat()).toEqual(small);

    const big = Array.from({ length: 3 }, () =>
      makeMessage({ text: 'x'.repeat(BACKLOG_BATCH_CHARS) }),
    );
    expect(backlogBatches(big).map((b) => b.length)).toEqual([1, 1, 1]);
    expect(backlogBatches([])).toEqual([]);
  });
});
