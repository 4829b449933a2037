import { afterEach, describe, expect, test } from 'vitest';
import { HistoryStore } from './history-store.ts';
import { makeMessage } from './test-support/messages.ts';

const stores: HistoryStore[] = [];
let n = 0;
const open = async (room: string, name = `test-${n}`) => {
  const store = await HistoryStore.open(room, name);
  stores.push(store);
  return store;
};
afterEach(() => {
  stores.splice(0).forEach((store) => store.close());
  n += 1;
});

describe('HistoryStore', () => {
  test('keeps each room apart, in Lamport order, through a reopen (a reload)', async () => {
    const lab = await open('lab');
    const other = await open('other');
    const late = makeMessage({ clock: 9 });
    const early = makeMessage({ clock: 2 });
    lab.save({ message: late, receipts: [['author-bbbb', 'read']] });
    lab.save({ message: early, receipts: [] });
    other.save({ message: makeMessage(), receipts: [] });
    await Promise.all([lab.saved(), other.saved()]);
    lab.close();
    const again = await open('lab');
    const loaded = await again.load();
    expect(loaded.map((e) => e.message.id)).toEqual([early.id, late.id]);
    expect(loaded[1]!.receipts).toEqual([['author-bbbb', 'read']]);
  });

  test('a save of the same id updates it (a receipt came)', async () => {
    const store = await open('lab');
    const message = makeMessage();
    store.save({ message, receipts: [] });
    await store.saved();
    store.save({ message, receipts: [['author-bbbb', 'delivered']] });
    await store.saved();
    expect(await store.load()).toEqual([
      { room: 'lab', message, receipts: [['author-bbbb', 'delivered']] },
    ]);
  });

  test('10,000 messages are one write, and load in order', async () => {
    const store = await open('big');
    const messages = Array.from({ length: 10_000 }, (_, i) => makeMessage({ clock: 10_000 - i }));
    for (const message of messages) store.save({ message, receipts: [] });
    await store.saved();
    const loaded = await store.load();
    expect(loaded).toHaveLength(10_000);
    expect(loaded[0]!.message.clock).toBe(1);
    expect(loaded.at(-1)!.message.clock).toBe(10_000);
  });

  test('loads page by page without losing or repeating a message at a page edge', async () => {
    const store = await open('pages');
    // Three messages per clock value: the pages must cut between equal clocks correctly.
    const messages = Array.from({ length: 25 }, (_, i) =>
      makeMessage({ clock: 1 + Math.floor(i / 3), author: `author-${'abc'[i % 3]}xxxx` }),
    );
    for (const message of [...messages].reverse()) store.save({ message, receipts: [] });
    await store.saved();
    const loaded = (await store.load(4)).map((e) => e.message.id);
    expect(loaded).toEqual(messages.map((m) => m.id));
  });

  test('clear forgets one room only', async () => {
    const lab = await open('lab');
    const other = await open('other');
    lab.save({ message: makeMessage(), receipts: [] });
    other.save({ message: makeMessage(), receipts: [] });
    await lab.clear();
    await other.saved();
    expect(await lab.load()).toEqual([]);
    expect(await other.load()).toHaveLength(1);
  });

  test('drops a stored record that is no longer a valid message', async () => {
    const store = await open('lab');
    const message = makeMessage();
    store.save({ message: { ...message, clock: -1 }, receipts: [] });
    store.save({ message: makeMessage({ clock: 3 }), receipts: [] });
    await store.saved();
    expect((await store.load()).map((e) => e.message.clock)).toEqual([3]);
  });
});
