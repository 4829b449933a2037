import { afterEach, describe, expect, test } from 'vitest';
import type { ChatRoomOptions } from './chat-room-options.ts';
import { CHAT_LIMITS } from './chat-frames.ts';
import { ChatRoom } from './chat-room.ts';
import type { StoredEntry } from './history-store.ts';
import { connect, FakeCall, sessionPair } from './test-support/fake-call.ts';
import { makeMessage } from './test-support/messages.ts';
import { opened } from './test-support/wait.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((close) => close()));

interface Peer {
  id: string;
  call: FakeCall;
  chat: ChatRoom;
}

let count = 0;
function peer(nick: string, options: Partial<ChatRoomOptions> = {}): Peer {
  count += 1;
  const call = new FakeCall();
  const author = `author-${nick}-${count}`.padEnd(12, 'x');
  return {
    id: `peer-${nick}-${count}`.padEnd(12, 'x'),
    call,
    chat: new ChatRoom({ call, author, nick, ...options }),
  };
}

/** `first` was in the room before `second`. */
function link(first: Peer, second: Peer) {
  const connection = connect([first.call, first.id], [second.call, second.id]);
  cleanups.push(connection.close);
  return connection;
}

const texts = (p: Peer) => p.chat.log.entries.map((e) => e.message.text);
const ids = (p: Peer) => p.chat.log.entries.map((e) => e.message.id);
const greeted = (a: Peer, b: Peer) =>
  expect
    .poll(() => a.chat.links.get(b.id)?.hello?.nick && b.chat.links.get(a.id)?.hello?.nick)
    .toBeTruthy();

describe('ChatRoom', () => {
  test('messages go both ways; receipts go sent → delivered → read, per member', async () => {
    const [ada, bob, cy] = [peer('ada'), peer('bob'), peer('cy')];
    link(ada, bob);
    link(ada, cy);
    link(bob, cy);
    await greeted(ada, bob);
    await greeted(ada, cy);
    await greeted(bob, cy);
    const entry = ada.chat.send('hello both');
    expect([...entry.receipts.values()]).toEqual(['sent', 'sent']);
    await expect.poll(() => [texts(bob), texts(cy)]).toEqual([['hello both'], ['hello both']]);
    await expect.poll(() => [...entry.receipts.values()]).toEqual(['delivered', 'delivered']);
    bob.chat.markRead([entry.message.id]);
    await expect.poll(() => entry.receipts.get(bob.chat.author)).toBe('read');
    expect(entry.receipts.get(cy.chat.author)).toBe('delivered');
    expect(bob.chat.log.entries[0]).toMatchObject({ mine: false, from: ada.id });
    expect([ada.chat.nickOf(cy.chat.author), ada.chat.nickOf('author-unknown')]).toEqual([
      'cy',
      undefined,
    ]);
  });

  test('a late joiner gets the backlog from every peer, in the same order, each message once', async () => {
    const [ada, bob] = [peer('ada'), peer('bob')];
    link(ada, bob);
    await greeted(ada, bob);
    for (let i = 0; i < 20; i++) (i % 2 ? ada : bob).chat.send(`m${i}`);
    await expect.poll(() => [ada.chat.log.size, bob.chat.log.size]).toEqual([20, 20]);
    expect(ids(bob)).toEqual(ids(ada));
    const dee = peer('dee');
    link(ada, dee);
    link(bob, dee);
    await greeted(ada, dee);
    await greeted(bob, dee);
    await expect.poll(() => ids(dee)).toEqual(ids(ada));
    // Both peers sent it all: the second copies were recognised and dropped.
    await expect
      .poll(() =>
        ada.chat.log.entries.every((e) =>
          e.mine ? e.receipts.get(dee.chat.author) === 'delivered' : true,
        ),
      )
      .toBe(true);
    expect(new Set(ids(dee)).size).toBe(20);
  });

  test('history loaded from disk is sent to a newcomer, and restarts the clock past it', async () => {
    const history: StoredEntry[] = [3, 7].map((clock) => ({
      room: 'r',
      message: makeMessage({ clock, author: 'author-ada-xx' }),
      receipts: [],
    }));
    const ada = peer('ada', { history, author: 'author-ada-xx' });
    expect(ada.chat.log.entries.every((e) => e.mine)).toBe(true);
    expect(ada.chat.send('next').message.clock).toBe(8);
    const bob = peer('bob');
    link(ada, bob);
    await expect
      .poll(() => texts(bob))
      .toEqual([history[0]!.message.text, history[1]!.message.text, 'next']);
  });

  test('written while a member is away: queued, then delivered once when it is back', async () => {
    const [ada, bob] = [peer('ada'), peer('bob')];
    const first = link(ada, bob);
    await greeted(ada, bob);
    ada.chat.send('before');
    await expect.poll(() => texts(bob)).toEqual(['before']);
    first.close(); // the peer left (or its call failed)
    const away = ['while away 1', 'while away 2'].map((text) => ada.chat.send(text));
    expect(away.map((e) => e.receipts.get(bob.chat.author))).toEqual(['queued', 'queued']);
    expect(ada.chat.queuedFor(bob.chat.author)).toBe(2);
    link(ada, bob); // back, with a new call (and a new hub id, it does not matter)
    await expect.poll(() => texts(bob)).toEqual(['before', 'while away 1', 'while away 2']);
    await expect.poll(() => ada.chat.queuedFor(bob.chat.author)).toBe(0);
    expect(away.map((e) => e.receipts.get(bob.chat.author))).toEqual(['delivered', 'delivered']);
  });

  test('a peer that never says hello gets message frames whose `text` it reads, and nothing else', async () => {
    const ada = peer('ada');
    const { first, second } = sessionPair();
    cleanups.push(() => first.close());
    ada.call.add('outsider-xxxx', second); // we are polite; the outsider never greets
    const raw = first.createChannel('chat', { negotiatedId: 0 });
    const heard: unknown[] = [];
    raw.on('json', (value) => heard.push(value));
    await opened(raw);
    ada.chat.setTyping(true);
    raw.sendJson({ text: 'hi from outside' });
    await expect.poll(() => texts(ada)).toEqual(['hi from outside']);
    ada.chat.send('hi, outsider');
    await expect.poll(() => heard.length).toBe(2);
    expect(heard[0]).toMatchObject({ type: 'hello' }); // we joined later, so we greeted
    expect(heard[1]).toMatchObject({ type: 'msg', text: 'hi, outsider' });
    expect(ada.chat.log.entries[0]!.message.nick).toBe('Peer outs');
  });

  test('hostile frames are dropped and counted; nothing throws and the chat goes on', async () => {
    const [ada, bob] = [peer('ada'), peer('bob')];
    link(ada, bob);
    await greeted(ada, bob);
    const rejected: string[] = [];
    bob.chat.on('rejected', ({ reason }) => rejected.push(reason));
    const toBob = ada.chat.links.get(bob.id)!;
    toBob.send(makeMessage({ author: 'someone-else' })); // in another name
    toBob.send(makeMessage({ author: ada.chat.author, clock: 5_000_000 })); // clock far ahead
    toBob.send({ type: 'hello', v: 1, author: 'author-zzzzzz', nick: 'again', have: [] });
    toBob.reliable.channel.send('{"type":"msg","text":"<script>"}');
    ada.chat.send('still fine');
    await expect.poll(() => texts(bob)).toEqual(['still fine']);
    expect(rejected).toHaveLength(4);
    expect(bob.chat.links.get(ada.id)!.counters.rejected).toBe(4);
  });

  test('a message over the limits is refused before it goes, and says which limit', () => {
    const ada = peer('ada');
    expect(() => ada.chat.send('x'.repeat(CHAT_LIMITS.textChars + 1))).toThrow(
      /^text: Too big: expected string to have <=2097152 characters$/,
    );
    expect(ada.chat.log.size).toBe(0);
  });

  test('typing shows on the others, and stops when the message is sent', async () => {
    const [ada, bob] = [peer('ada'), peer('bob')];
    link(ada, bob);
    await greeted(ada, bob);
    ada.chat.setTyping(true);
    await expect.poll(() => bob.chat.typing).toEqual(['ada']);
    ada.chat.send('done');
    await expect.poll(() => bob.chat.typing).toEqual([]);
  });

  test('unreliable mode: never queued or retried, and what the loss took stays lost', async () => {
    const [ada, bob] = [peer('ada', { unreliable: true }), peer('bob', { unreliable: true })];
    link(ada, bob);
    await greeted(ada, bob);
    await opened(ada.chat.links.get(bob.id)!.unreliable!);
    await opened(bob.chat.links.get(ada.id)!.unreliable!);
    ada.chat.mode = 'unreliable';
    ada.chat.simulatedLoss = 0.5;
    for (let i = 0; i < 100; i++) ada.chat.send(`u${i}`);
    ada.chat.simulatedLoss = 0;
    ada.chat.send('last');
    await expect.poll(() => texts(bob).at(-1)).toBe('last');
    const counters = bob.chat.links.get(ada.id)!.counters.unreliable;
    expect(counters.received + counters.lost).toBe(101);
    expect(bob.chat.log.size).toBe(counters.received);
    expect(ada.chat.queuedFor(bob.chat.author)).toBe(0);
  });
});
