import { describe, expect, test } from 'vitest';
import { CHAT_LIMITS, parseFrame } from './chat-frames.ts';

const message = {
  type: 'msg',
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  author: 'BBBBBBBBBBBBBBBBBBBBBB',
  nick: 'Ada',
  clock: 3,
  at: 1_700_000_000_000,
  text: 'hello',
};

describe('parseFrame', () => {
  test('accepts every kind of frame', () => {
    const frames = [
      message,
      { ...message, image: { type: 'image/png', data: 'iVBORw0KGgo=' } },
      { type: 'hello', v: 1, author: message.author, nick: 'Ada', have: [[message.author, 3]] },
      { type: 'backlog', messages: [message] },
      { type: 'receipt', state: 'read', ids: [message.id] },
      { type: 'typing', typing: true },
      { type: 'unreliable', seq: 1, message },
    ];
    for (const frame of frames)
      expect(parseFrame(frame), JSON.stringify(frame)).toMatchObject({ ok: true });
  });

  test('takes the plain line of a peer that speaks no more than `{ text }`', () => {
    expect(parseFrame({ text: 'hi' })).toEqual({ ok: true, plain: { text: 'hi' } });
  });

  test('refuses what a hostile peer would send, and says which field', () => {
    const hostile: unknown[] = [
      null,
      42,
      'msg',
      [],
      { type: 'msg' },
      { ...message, extra: 1 },
      { ...message, id: 'x'.repeat(65) },
      { ...message, clock: 0 },
      { ...message, clock: 1.5 },
      { ...message, clock: Number.MAX_SAFE_INTEGER + 2 },
      { ...message, nick: '' },
      { ...message, nick: 'n'.repeat(33) },
      { ...message, text: 7 },
      { ...message, text: 'x'.repeat(CHAT_LIMITS.textChars + 1) },
      { ...message, image: { type: 'image/svg+xml', data: 'PHN2Zz4=' } },
      { ...message, image: { type: 'image/png', data: 'not base64!' } },
      { type: 'hello', v: 2, author: message.author, nick: 'Ada', have: [] },
      { type: 'hello', v: 1, author: message.author, nick: 'Ada', have: { __proto__: 1 } },
      { type: 'receipt', state: 'seen', ids: [message.id] },
      { type: 'receipt', state: 'read', ids: [] },
      { type: 'backlog', messages: Array(CHAT_LIMITS.batch + 1).fill(message) },
      { type: 'eval', code: 'alert(1)' },
      { text: '' },
    ];
    for (const value of hostile) {
      const parsed = parseFrame(value);
      expect(parsed.ok, JSON.stringify(value)?.slice(0, 80)).toBe(false);
    }
    expect(parseFrame({ ...message, clock: 0 })).toMatchObject({
      reason: expect.stringMatching(/^"clock": /),
    });
  });
});
