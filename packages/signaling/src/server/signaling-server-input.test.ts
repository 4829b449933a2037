import { afterEach, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION } from '../protocol.ts';
import {
  connected,
  nextError,
  startSignaling,
  type SignalingHarness,
} from './test-support/signaling-harness.ts';

// What a hostile or broken page can send over a real socket.io connection, one case at a time.
let harness: SignalingHarness;
afterEach(() => harness.close());

async function raw() {
  const socket = harness.connect();
  await connected(socket);
  return socket;
}

describe('one message never brings the server down', () => {
  test('a join whose v is an object String() cannot convert gets unsupported-version', async () => {
    harness = await startSignaling();
    const socket = await raw();
    const error = nextError(socket);
    socket.emit('join', { v: { toString: 1, valueOf: {} }, room: 'lab' });
    expect(await error).toMatchObject({
      code: 'unsupported-version',
      message: `This server speaks signaling protocol v${PROTOCOL_VERSION}; the page sent an object. Reload the page.`,
    });
  });

  test('a relay body 100,000 levels deep gets invalid-message', async () => {
    harness = await startSignaling();
    const socket = await raw();
    const error = nextError(socket);
    const depth = 100_000;
    // Written by hand: JSON.stringify (and socket.io-client) would overflow on it themselves.
    const body = '['.repeat(depth) + ']'.repeat(depth);
    socket.io.engine.write(`2["relay",{"payload":{"kind":"message","body":${body}}}]`);
    expect(await error).toMatchObject({
      code: 'invalid-message',
      message: 'The "relay" message is nested more than 64 levels deep.',
    });
  });

  test('payload-too-large names the real size and the limit', async () => {
    harness = await startSignaling();
    const socket = await raw();
    const error = nextError(socket);
    socket.emit('relay', { payload: { kind: 'message', body: 'x'.repeat(70_000) } });
    expect((await error).message).toBe('That "relay" message is 70042 bytes; the limit is 65536.');
  });

  test('a number as the event name is an unknown event, without an event field', async () => {
    harness = await startSignaling();
    const socket = await raw();
    const error = nextError(socket);
    socket.io.engine.write('2[42,"x"]');
    expect(await error).toEqual({
      code: 'unknown-event',
      message: 'The server does not know the event 42.',
    });
  });

  test('a handler that throws answers internal-error, logs one line, and the socket goes on', async () => {
    const lines: string[] = [];
    harness = await startSignaling({ log: (line) => lines.push(line) });
    const socket = await raw();
    const [gate] = harness.signaling.io.of('/').sockets.get(socket.id!)!.listenersAny() as ((
      ...args: unknown[]
    ) => Promise<void>)[];
    // No wire carries a getter; the gate is called directly with one, as socket.io calls it.
    const hostile = Object.defineProperty({}, 'v', {
      get() {
        throw new Error('getter throws');
      },
    });
    const replies: unknown[] = [];
    await gate!('join', hostile, (reply: unknown) => replies.push(reply));
    expect(replies).toEqual([
      { ok: false, error: expect.objectContaining({ code: 'internal-error' }) },
    ]);
    expect(lines).toEqual([
      expect.stringMatching(
        /^Signaling: the "join" event of socket \S+ failed: Error: getter throws$/,
      ),
    ]);
    const joined = await socket.emitWithAck('join', { v: PROTOCOL_VERSION, room: 'lab' });
    expect(joined).toMatchObject({ ok: true, room: 'lab' });
  });
});

describe('join', () => {
  test('without an ack callback, the answer comes as a joined event', async () => {
    harness = await startSignaling();
    const socket = await raw();
    const joined = new Promise((resolve) => socket.once('joined', resolve));
    socket.emit('join', { v: PROTOCOL_VERSION, room: 'lab' });
    expect(await joined).toMatchObject({ ok: true, room: 'lab', peers: [] });
  });

  test('an address that made maxRoomsPerAddress open rooms gets too-many-rooms', async () => {
    harness = await startSignaling({ maxRoomsPerAddress: 2 });
    const [a, b, c] = await Promise.all([raw(), raw(), raw()]);
    const join = (socket: typeof a, room: string) =>
      socket.emitWithAck('join', { v: PROTOCOL_VERSION, room });
    expect(await join(a, 'one')).toMatchObject({ ok: true });
    expect(await join(b, 'two')).toMatchObject({ ok: true });
    expect(await join(c, 'three')).toMatchObject({
      ok: false,
      error: { code: 'too-many-rooms', message: expect.stringContaining('2 rooms open') },
    });
    expect(await join(c, 'two')).toMatchObject({ ok: true });
    a.emit('leave');
    await expect.poll(() => harness.signaling.roomCount()).toBe(1);
    expect(await join(a, 'three')).toMatchObject({ ok: true });
  });
});
