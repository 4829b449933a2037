import { describe, expect, test } from 'vitest';
import { MessageLog } from './message-log.ts';
import { makeMessage } from './test-support/messages.ts';

const entry = (overrides: Parameters<typeof makeMessage>[0] = {}, mine = false) => ({
  message: makeMessage(overrides),
  mine,
  receipts: new Map(),
});

describe('MessageLog', () => {
  test('keeps every message once, in Lamport order, whatever order they arrive in', () => {
    const log = new MessageLog();
    const a = entry({ clock: 3, author: 'author-bbbb' });
    const b = entry({ clock: 1 });
    const c = entry({ clock: 3, author: 'author-aaaa' });
    expect(log.insert(a)).toBe(0);
    expect(log.insert(b)).toBe(0);
    expect(log.insert(c)).toBe(1);
    expect(log.insert({ ...a, message: { ...a.message, text: 'forged copy' } })).toBe(-1);
    expect(log.entries.map((e) => e.message.id)).toEqual([b, c, a].map((e) => e.message.id));
    expect(log.get(a.message.id)?.message.text).toBe(a.message.text); // the first copy wins
  });

  test('summarises the newest clock per author, and finds what a peer lacks', () => {
    const log = new MessageLog();
    const messages = [
      entry({ clock: 1, author: 'author-aaaa' }),
      entry({ clock: 2, author: 'author-bbbb' }),
      entry({ clock: 5, author: 'author-aaaa' }),
    ];
    for (const e of messages) log.insert(e);
    expect(new Map(log.summary())).toEqual(
      new Map([
        ['author-aaaa', 5],
        ['author-bbbb', 2],
      ]),
    );
    const lacking = log.missingFrom([['author-aaaa', 1]]);
    expect(lacking.map((m) => m.clock)).toEqual([2, 5]);
    expect(log.missingFrom(log.summary())).toEqual([]);
  });

  test('receipts only go up, only on my messages, never from the author', () => {
    const log = new MessageLog();
    const mine = entry({ author: 'me-aaaaaaaa' }, true);
    const theirs = entry();
    log.insert(mine);
    log.insert(theirs);
    const id = mine.message.id;
    expect(log.setReceipt(id, 'bob-bbbbbbbb', 'sent')).toBe(true);
    expect(log.setReceipt(id, 'bob-bbbbbbbb', 'read')).toBe(true);
    expect(log.setReceipt(id, 'bob-bbbbbbbb', 'delivered')).toBe(false);
    expect(mine.receipts.get('bob-bbbbbbbb')).toBe('read');
    expect(log.setReceipt(id, 'me-aaaaaaaa', 'read')).toBe(false);
    expect(log.setReceipt(theirs.message.id, 'bob-bbbbbbbb', 'read')).toBe(false);
    expect(log.setReceipt('unknown-id', 'bob-bbbbbbbb', 'read')).toBe(false);
  });

  test('clear empties it', () => {
    const log = new MessageLog();
    log.insert(entry());
    log.clear();
    expect([log.size, log.summary()]).toEqual([0, []]);
  });
});
