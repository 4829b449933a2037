import { describe, expect, test } from 'vitest';
import {
  joinRequestSchema,
  MESSAGE_BODY_LIMITS,
  relayRequestSchema,
  ROOM_CAPACITY,
  ROOM_NAME_RULE,
  signalPayloadSchema,
} from './protocol.ts';

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

const messages = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe('what the browser makes: unknown fields are dropped', () => {
  test('a candidate keeps its known fields and loses the rest', () => {
    const parsed = signalPayloadSchema.parse({
      kind: 'candidate',
      candidate: {
        candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host',
        sdpMid: '0',
        foundation: '1',
      },
    });
    expect(parsed).toEqual({
      kind: 'candidate',
      candidate: { candidate: 'candidate:1 1 udp 1 10.0.0.1 9 typ host', sdpMid: '0' },
    });
  });

  test('a description too', () => {
    const parsed = signalPayloadSchema.parse({
      kind: 'description',
      description: { type: 'offer', sdp: 'v=0', toJSON: 'not copied' },
    });
    expect(parsed).toEqual({ kind: 'description', description: { type: 'offer', sdp: 'v=0' } });
  });
});

describe('the envelopes stay strict', () => {
  test.each([
    ['a join', joinRequestSchema, { v: 1, room: 'lab', admin: true }],
    [
      'a resume',
      joinRequestSchema,
      { v: 1, room: 'lab', resume: { peerId: 'p'.repeat(8), token: 't'.repeat(16), x: 1 } },
    ],
    ['a relay', relayRequestSchema, { payload: { kind: 'candidate', candidate: null }, cc: 'all' }],
    ['a payload', signalPayloadSchema, { kind: 'message', body: 'hi', from: 'someone else' }],
  ])('%s with an extra field is refused', (_, schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
});

describe('a message body', () => {
  const message = (body: unknown) => signalPayloadSchema.safeParse({ kind: 'message', body });

  test(`is any JSON up to ${MESSAGE_BODY_LIMITS.depth} levels deep`, () => {
    expect(message({ text: 'hi', list: [1, null, { ok: true }] }).success).toBe(true);
    expect(message(nested(MESSAGE_BODY_LIMITS.depth)).success).toBe(true);
    expect(messages(message(nested(MESSAGE_BODY_LIMITS.depth + 1)))).toEqual([
      `The body is nested more than ${MESSAGE_BODY_LIMITS.depth} levels deep.`,
    ]);
  });

  test('nested 100,000 levels deep is refused, without overflowing the stack', () => {
    expect(() => message(nested(100_000))).not.toThrow();
    expect(message(nested(100_000)).success).toBe(false);
  });

  test('larger than its size limit is refused', () => {
    expect(messages(message('x'.repeat(MESSAGE_BODY_LIMITS.size)))).toEqual([
      `The body is larger than ${MESSAGE_BODY_LIMITS.size} bytes.`,
    ]);
  });

  test('with a __proto__ key is refused: it could not arrive as sent', () => {
    expect(message(JSON.parse('{"__proto__":{"admin":true}}')).success).toBe(false);
    expect(message({ constructor: 'a plain key' }).success).toBe(true);
  });

  test('is required', () => {
    expect(signalPayloadSchema.safeParse({ kind: 'message' }).success).toBe(false);
  });
});

describe('join', () => {
  test('a bad room name is refused with the room-name rule', () => {
    expect(messages(joinRequestSchema.safeParse({ v: 1, room: '../etc' }))).toEqual([
      ROOM_NAME_RULE,
    ]);
  });

  test(`capacity goes from ${ROOM_CAPACITY.min} to the ceiling of ${ROOM_CAPACITY.ceiling}`, () => {
    const join = (capacity: number) => joinRequestSchema.safeParse({ v: 1, room: 'lab', capacity });
    expect(join(ROOM_CAPACITY.min).success).toBe(true);
    expect(join(ROOM_CAPACITY.ceiling).success).toBe(true);
    expect(join(ROOM_CAPACITY.min - 1).success).toBe(false);
    expect(join(ROOM_CAPACITY.ceiling + 1).success).toBe(false);
  });
});
