import { describe, expect, test } from 'vitest';
import { Outbox } from './outbox.ts';
import { makeMessage } from './test-support/messages.ts';

describe('Outbox', () => {
  test('keeps what each member owes a receipt for, in order, until it is settled', () => {
    const outbox = new Outbox();
    const [a, b] = [makeMessage(), makeMessage()];
    outbox.owe('bob', a);
    outbox.owe('bob', b);
    outbox.owe('bob', a); // once, whatever the number of tries
    outbox.meet('cy');
    expect(outbox.owedTo('bob')).toEqual([a, b]);
    expect([...outbox.members()]).toEqual(['bob', 'cy']);
    outbox.settle('bob', a.id);
    expect([outbox.count('bob'), outbox.count('cy'), outbox.count('nobody')]).toEqual([1, 0, 0]);
  });

  test('holds at most 5,000 per member, dropping the oldest', () => {
    const outbox = new Outbox();
    const messages = Array.from({ length: 5_001 }, () => makeMessage());
    for (const message of messages) outbox.owe('bob', message);
    expect(outbox.count('bob')).toBe(5_000);
    expect(outbox.owedTo('bob')[0]).toEqual(messages[1]);
  });
});
