import { afterEach, describe, expect, test } from 'vitest';
import type { ChatFrame } from './chat-frames.ts';
import { PeerLink } from './peer-link.ts';
import { sessionPair } from './test-support/fake-call.ts';
import { makeMessage } from './test-support/messages.ts';
import { opened } from './test-support/wait.ts';

let close = () => {};
afterEach(() => close());

async function links(options: { unreliable?: boolean } = {}) {
  const pair = sessionPair();
  close = pair.close;
  const a = new PeerLink('peer-aaaaaaaa', pair.second, options);
  const b = new PeerLink('peer-bbbbbbbb', pair.first, options);
  await Promise.all([opened(a.reliable), opened(b.reliable)]);
  if (options.unreliable) await Promise.all([opened(a.unreliable!), opened(b.unreliable!)]);
  return { a, b };
}

const frames = (link: PeerLink) => {
  const seen: ChatFrame[] = [];
  link.on('frame', (frame) => seen.push(frame));
  return seen;
};

describe('PeerLink', () => {
  test('a 1 MB message goes in chunks above maxMessageSize and arrives byte-identical', async () => {
    const { a, b } = await links();
    const text = Array.from({ length: 1_000_000 }, (_, i) =>
      String.fromCharCode(32 + ((i * 7) % 95)),
    ).join('');
    const seen = frames(b);
    const sent: string[] = [];
    const original = a.reliable.channel.send.bind(a.reliable.channel);
    a.reliable.channel.send = ((data: string | ArrayBufferView) => {
      sent.push(typeof data);
      original(data as string);
    }) as RTCDataChannel['send'];
    a.send(makeMessage({ text }));
    await expect.poll(() => seen.length).toBe(1);
    expect((seen[0] as { text: string }).text).toBe(text);
    expect(sent.length).toBeGreaterThan(1);
    expect(a.session.pc.sctp!.maxMessageSize).toBeLessThan(text.length);
    expect(b.counters.reliable.received).toBe(1);
  });

  test('counts what a hostile peer sends, delivers none of it, and keeps working', async () => {
    const { a, b } = await links();
    const seen = frames(b);
    const reasons: string[] = [];
    b.on('rejected', (reason) => reasons.push(reason));
    const raw = a.reliable.channel;
    raw.send('not json {');
    raw.send(JSON.stringify({ type: 'msg', text: 'no id' }));
    raw.send(JSON.stringify({ type: 'unreliable', seq: 1, message: makeMessage() })); // wrong channel
    raw.send(new Uint8Array([1, 2, 3]));
    raw.send(new Uint8Array(64).fill(255));
    a.send({ type: 'typing', typing: true });
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toEqual({ type: 'typing', typing: true });
    expect(b.counters.rejected).toBe(5);
    expect(reasons).toHaveLength(5);
  });

  test('unreliable: numbered, never retried, and losses counted at the receiver', async () => {
    const { a, b } = await links({ unreliable: true });
    const seen = frames(b);
    a.simulatedLoss = 0.5;
    for (let i = 0; i < 200; i++) expect(a.sendUnreliable(makeMessage())).toBe(true);
    a.simulatedLoss = 0;
    a.sendUnreliable(makeMessage()); // the last one always goes: the receiver sees the gap
    await expect
      .poll(() => seen.at(-1)?.type === 'unreliable' && seen.at(-1))
      .toMatchObject({ seq: 201 });
    const { sent, received, lost } = b.counters.unreliable;
    expect(a.counters.unreliable.sent).toBe(201);
    expect(received + lost).toBe(201);
    expect(lost).toBeGreaterThan(50);
    expect(received).toBe(seen.length);
    expect(sent).toBe(0);
    expect(a.sendUnreliable(makeMessage({ text: 'x'.repeat(300_000) }))).toBe(false); // too large
  });
});
