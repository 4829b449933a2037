import { RateLimiterMemory } from 'rate-limiter-flexible';
import { describe, expect, test } from 'vitest';
import type { SignalingErrorPayload } from '../errors.ts';
import type { JoinedResult } from '../protocol.ts';
import { createEventGate, type EventHandlers, type GateSocket } from './event-gate.ts';

// The gate on its own: a socket that records what it is sent, and handlers chosen per test.
function fakeSocket() {
  const sent: { event: string; payload: unknown }[] = [];
  const socket: GateSocket = {
    id: 'socket-1',
    emit: (event: string, payload: unknown) => sent.push({ event, payload }),
  };
  return { socket, sent };
}

const joined = { ok: true, room: 'lab' } as unknown as JoinedResult;

function gateWith(handlers: Partial<EventHandlers<GateSocket>>, points = 100) {
  const lines: string[] = [];
  const gate = createEventGate<GateSocket>({
    handlers: {
      join: () => {},
      leave: () => {},
      relay: () => {},
      ice: () => {},
      report: () => {},
      ...handlers,
    },
    limiter: new RateLimiterMemory({ points, duration: 60 }),
    maxPayloadBytes: 1000,
    log: (line) => lines.push(line),
  });
  return { gate, lines };
}

describe('the gate', () => {
  test('hands a known event to its handler, and answers a join through its ack', async () => {
    const { gate } = gateWith({ join: (_socket, _request, reply) => reply(joined) });
    const { socket, sent } = fakeSocket();
    const replies: unknown[] = [];
    await gate(socket, 'join', [{ v: 1, room: 'lab' }, (reply: unknown) => replies.push(reply)]);
    expect(replies).toEqual([joined]);
    await gate(socket, 'join', [{ v: 1, room: 'lab' }]);
    expect(sent).toEqual([{ event: 'joined', payload: joined }]);
  });

  test('answers ice through its ack, and refuses an ice without one', async () => {
    const ice = { iceServers: [{ urls: 'stun:127.0.0.1:3478' }] };
    const { gate } = gateWith({ ice: (_socket, reply) => reply(ice) });
    const { socket, sent } = fakeSocket();
    const replies: unknown[] = [];
    await gate(socket, 'ice', [(reply: unknown) => replies.push(reply)]);
    expect(replies).toEqual([{ ok: true, ice }]);
    await gate(socket, 'ice', []);
    expect(sent).toEqual([
      {
        event: 'error',
        payload: expect.objectContaining({ code: 'invalid-message', event: 'ice' }),
      },
    ]);
  });

  test.each([
    [
      'a synchronous throw',
      () => {
        throw new TypeError('Cannot convert object to primitive value');
      },
    ],
    [
      'a rejected promise',
      () => Promise.reject(new RangeError('Maximum call stack size exceeded')),
    ],
  ])('%s in a handler becomes internal-error and one log line', async (_, relay) => {
    const { gate, lines } = gateWith({ relay });
    const { socket, sent } = fakeSocket();
    await expect(gate(socket, 'relay', [{}])).resolves.toBeUndefined();
    expect(sent).toEqual([
      {
        event: 'error',
        payload: {
          code: 'internal-error',
          message: expect.stringMatching(/unexpected problem/),
          event: 'relay',
        },
      },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Signaling: the "relay" event of socket socket-1 failed: \w+Error: /);
  });

  test('an ack that throws is logged, and the gate still resolves', async () => {
    const { gate, lines } = gateWith({ join: (_socket, _request, reply) => reply(joined) });
    const ack = () => {
      throw new Error('broken ack');
    };
    await expect(gate(fakeSocket().socket, 'join', [{}, ack])).resolves.toBeUndefined();
    expect(lines).toEqual([
      'Signaling: the "join" event of socket socket-1 failed: Error: broken ack',
    ]);
  });

  test('an event name that is not a string is unknown, and named by its kind', async () => {
    const { gate } = gateWith({});
    const { socket, sent } = fakeSocket();
    const hostile = { toString: 1 };
    await gate(socket, hostile, []);
    await gate(socket, 42, []);
    expect(sent.map((s) => s.payload)).toEqual([
      { code: 'unknown-event', message: 'The server does not know the event an object.' },
      { code: 'unknown-event', message: 'The server does not know the event 42.' },
    ]);
  });

  test('too large says its size and the limit; not JSON is invalid-message', async () => {
    const { gate } = gateWith({});
    const { socket, sent } = fakeSocket();
    await gate(socket, 'relay', ['x'.repeat(2000)]);
    await gate(socket, 'relay', ['x'.repeat(100_000)]);
    await gate(socket, 'relay', [{ big: 10n }]);
    const [exact, far, notJson] = sent.map((s) => s.payload as SignalingErrorPayload);
    expect(exact).toMatchObject({
      code: 'payload-too-large',
      message: 'That "relay" message is 2004 bytes; the limit is 1000.',
    });
    expect(far?.message).toMatch(
      /^That "relay" message is more than \d+ bytes; the limit is 1000\.$/,
    );
    expect(notJson).toMatchObject({
      code: 'invalid-message',
      message: expect.stringMatching(/cannot be read as JSON/),
    });
  });

  test('past its points a socket is rate-limited, before anything else is checked', async () => {
    const relayed: unknown[] = [];
    const { gate } = gateWith({ relay: (_socket, request) => relayed.push(request) }, 2);
    const { socket, sent } = fakeSocket();
    for (const n of [1, 2, 3]) await gate(socket, 'relay', [n]);
    expect(relayed).toEqual([1, 2]);
    expect(sent.map((s) => (s.payload as SignalingErrorPayload).code)).toEqual(['rate-limited']);
  });
});
