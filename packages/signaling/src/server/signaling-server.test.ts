import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as rawClient, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SignalingClient, type SignalingClientEvents } from '../client.ts';
import type { SignalingErrorPayload } from '../errors.ts';
import { attachSignaling, type SignalingServer } from './signaling-server.ts';
import type { SignalingServerOptions } from './signaling-options.ts';

// A real socket.io server on 127.0.0.1 and real clients: nothing here is mocked.
let http: HttpServer;
let signaling: SignalingServer;
let url: string;
const clients: { close(): void }[] = [];

async function start(options: Partial<SignalingServerOptions> = {}) {
  http = createServer();
  signaling = attachSignaling(http, { graceMs: 300, ...options });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

function client(socket: ConstructorParameters<typeof SignalingClient>[0] = {}): SignalingClient {
  const created = new SignalingClient({ url, ...socket });
  clients.push(created);
  return created;
}

function raw(headers: Record<string, string> = {}): Socket {
  const socket = rawClient(url, { transports: ['websocket'], extraHeaders: headers });
  clients.push({ close: () => socket.disconnect() });
  return socket;
}

function next<K extends keyof SignalingClientEvents>(c: SignalingClient, event: K) {
  return new Promise<SignalingClientEvents[K]>((resolve) => c.once(event, resolve));
}

function nextError(socket: Socket) {
  return new Promise<SignalingErrorPayload>((resolve) => socket.once('error', resolve));
}

beforeEach(() => start());
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await signaling.close();
  await new Promise((resolve) => http.close(resolve));
});

describe('rooms and roles', () => {
  test('the second peer sees the first and is polite; the first hears peer-joined', async () => {
    const alice = client();
    const bob = client();
    const a = await alice.join('lab');
    const joinedEvent = next(alice, 'peer-joined');
    const b = await bob.join('lab');
    expect(a.peers).toEqual([]);
    expect(b.peers).toEqual([{ peerId: a.peerId, polite: true }]);
    expect(await joinedEvent).toEqual({ peerId: b.peerId, polite: false });
    expect(signaling.roomCount()).toBe(1);
  });

  test('a third peer in a two-peer room is refused with room-full', async () => {
    await client().join('lab');
    await client().join('lab');
    await expect(client().join('lab')).rejects.toMatchObject({ code: 'room-full' });
  });

  test('leave tells the others at once', async () => {
    const alice = client();
    const bob = client();
    await alice.join('lab');
    const b = await bob.join('lab');
    const left = next(alice, 'peer-left');
    bob.leave();
    expect(await left).toEqual({ peerId: b.peerId, reason: 'left' });
  });
});

describe('ICE servers per peer', () => {
  // Each answer numbered, so a fresh one shows.
  let minted = 0;
  const iceFor = (peerId: string) => ({
    iceServers: [
      { urls: 'turn:127.0.0.1:3478', username: `${++minted}:${peerId}`, credential: 'x' },
    ],
    ttlSeconds: 600,
  });

  test('every join answer carries the peer its own, and ice hands out fresh ones', async () => {
    await signaling.close();
    await new Promise((resolve) => http.close(resolve));
    await start({ iceFor });
    const alice = client();
    const bob = client();
    const a = await alice.join('lab');
    const b = await bob.join('lab');
    expect(a.ice?.iceServers[0]?.username).toMatch(new RegExp(`^\\d+:${a.peerId}$`));
    expect(b.ice?.iceServers[0]?.username).toMatch(new RegExp(`:${b.peerId}$`));
    const before = alice.ice?.iceServers[0]?.username;
    const fresh = await alice.refreshIce();
    expect(fresh.ttlSeconds).toBe(600);
    expect(fresh.iceServers[0]?.username).toMatch(new RegExp(`:${a.peerId}$`));
    expect(fresh.iceServers[0]?.username).not.toBe(before);
    expect(alice.ice).toEqual(fresh);
  });

  test('ice before a join is not-in-room, and on a hub that hands out none unknown-event', async () => {
    await expect(client().refreshIce()).rejects.toMatchObject({ code: 'not-in-room' });
    const alice = client();
    const joined = await alice.join('lab');
    expect(joined.ice).toBeUndefined();
    await expect(alice.refreshIce()).rejects.toMatchObject({ code: 'unknown-event' });
  });
});

describe('relay', () => {
  test('to one peer by id, and to the whole room', async () => {
    const [alice, bob] = [client(), client()];
    const a = await alice.join('lab');
    await bob.join('lab');
    const direct = next(bob, 'signal');
    alice.send((await bob.join('lab')).peerId, { kind: 'message', body: 'hi' });
    expect(await direct).toEqual({ from: a.peerId, payload: { kind: 'message', body: 'hi' } });
    const toRoom = next(bob, 'signal');
    alice.broadcast({ kind: 'candidate', candidate: null });
    expect((await toRoom).payload).toEqual({ kind: 'candidate', candidate: null });
  });

  test('never outside the sender’s room', async () => {
    const [alice, bob, mallory] = [client(), client(), client()];
    await alice.join('room-a');
    const b = await bob.join('room-a');
    await mallory.join('room-b');
    const heard: unknown[] = [];
    alice.on('signal', (signal) => heard.push(signal.payload));
    bob.on('signal', (signal) => heard.push(signal.payload));
    const refused = next(mallory, 'error');
    mallory.send(b.peerId, { kind: 'message', body: 'let me in' });
    expect(await refused).toMatchObject({ code: 'unknown-peer' });
    mallory.broadcast({ kind: 'message', body: 'anyone?' });
    // A round trip inside room-a proves the server has processed mallory's earlier events.
    const echo = next(bob, 'signal');
    alice.send(b.peerId, { kind: 'message', body: 'ping' });
    await echo;
    expect(heard).toEqual([{ kind: 'message', body: 'ping' }]);
  });
});

describe('bad input gets a typed error and the server keeps going', () => {
  test.each([
    ['join', { v: 1, room: '../etc' }, 'invalid-room-name'],
    ['join', { v: 2, room: 'lab' }, 'unsupported-version'],
    ['join', 'lab', 'invalid-message'],
    ['join', { v: 1, room: 'lab', capacity: 99 }, 'invalid-message'],
    ['relay', { payload: { kind: 'message', body: 1 } }, 'not-in-room'],
    ['relay', { to: 42 }, 'invalid-message'],
    ['shout', {}, 'unknown-event'],
  ])('%s %j → %s', async (event, payload, code) => {
    const socket = raw();
    const error = nextError(socket);
    socket.emit(event, payload);
    expect(await error).toMatchObject({ code, event });
    expect((await error).message.length).toBeGreaterThan(10);
  });

  test('a malformed relay inside a room is refused and good ones still flow', async () => {
    const [alice, bob] = [client(), client()];
    const a = await alice.join('lab');
    await bob.join('lab');
    const refused = next(alice, 'error');
    alice.socket.emit('relay', {
      // @ts-expect-error: a description type no browser sends, on purpose
      payload: { kind: 'description', description: { type: 'bogus' } },
    });
    expect(await refused).toMatchObject({ code: 'invalid-message' });
    const delivered = next(bob, 'signal');
    alice.broadcast({ kind: 'message', body: 'still here' });
    expect(await delivered).toEqual({
      from: a.peerId,
      payload: { kind: 'message', body: 'still here' },
    });
  });

  test('payloads over the cap are refused', async () => {
    const alice = client();
    await alice.join('lab');
    const refused = next(alice, 'error');
    alice.broadcast({ kind: 'message', body: 'x'.repeat(70 * 1024) });
    expect(await refused).toMatchObject({ code: 'payload-too-large' });
  });
});

describe('limits', () => {
  test('a flood is rate-limited', async () => {
    await signaling.close();
    await new Promise((resolve) => http.close(resolve));
    await start({ rateLimit: { points: 5, durationSeconds: 10 } });
    const socket = raw();
    const errors: SignalingErrorPayload[] = [];
    socket.on('error', (error: SignalingErrorPayload) => errors.push(error));
    for (let i = 0; i < 8; i++) socket.emit('shout', i);
    await expect.poll(() => errors.length).toBe(8);
    expect(errors.filter((e) => e.code === 'rate-limited')).toHaveLength(3);
  });

  test('pages from an origin not on the allowlist are refused', async () => {
    await signaling.close();
    await new Promise((resolve) => http.close(resolve));
    await start({ allowedOrigins: ['http://class.example'] });
    const evil = raw({ origin: 'http://evil.example' });
    const refusal = await new Promise<Error & { data?: SignalingErrorPayload }>((resolve) =>
      evil.once('connect_error', resolve),
    );
    expect(refusal.data?.code).toBe('origin-not-allowed');
    expect(refusal.message).toContain('--origin http://evil.example');
    const allowed = raw({ origin: 'http://class.example' });
    await new Promise((resolve) => allowed.once('connect', () => resolve(undefined)));
  });
});

describe('reconnect and grace', () => {
  test('after a drop the client re-joins with the same peer id and relays go on', async () => {
    const alice = client();
    // Reconnect sooner than the 300 ms grace period of these tests.
    const bob = client({ socket: { reconnectionDelay: 20, reconnectionDelayMax: 50 } });
    await alice.join('lab');
    const b = await bob.join('lab');
    let bobLeft = false;
    alice.on('peer-left', () => (bobLeft = true));
    const rejoined = next(bob, 'joined');
    bob.socket.io.engine.close(); // the network drops; socket.io-client reconnects by itself
    const again = await rejoined;
    expect(again).toMatchObject({ peerId: b.peerId, resumed: true });
    expect(again.peers[0]?.polite).toBe(true);
    const delivered = next(alice, 'signal');
    bob.broadcast({ kind: 'message', body: 'back' });
    expect((await delivered).from).toBe(b.peerId);
    expect(bobLeft).toBe(false);
  });

  test('a hub restarted with the same secret takes both peers back: same ids, nobody left', async () => {
    await signaling.close();
    await new Promise((resolve) => http.close(resolve));
    await start({ resumeSecret: 'kept across restarts' });
    const port = Number(new URL(url).port);
    const fast = { socket: { reconnectionDelay: 20, reconnectionDelayMax: 50 } };
    const [alice, bob] = [client(fast), client(fast)];
    const a = await alice.join('lab', { capacity: 3 });
    const aliceHearsBob = next(alice, 'peer-joined');
    const b = await bob.join('lab');
    await aliceHearsBob;
    const heard: string[] = [];
    for (const c of [alice, bob]) {
      c.on('peer-left', ({ peerId }) => heard.push(`left ${peerId}`));
      c.on('peer-joined', ({ peerId }) => heard.push(`joined ${peerId}`));
    }
    const rejoined = [next(alice, 'joined'), next(bob, 'joined')];
    // The hub stops (its rooms go with it) and starts again on the same port.
    await signaling.close();
    await new Promise((resolve) => http.close(resolve));
    http = createServer();
    signaling = attachSignaling(http, { graceMs: 300, resumeSecret: 'kept across restarts' });
    await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
    const [aliceBack, bobBack] = await Promise.all(rejoined);
    expect(aliceBack).toMatchObject({ peerId: a.peerId, resumed: true, capacity: 3 });
    expect(bobBack).toMatchObject({ peerId: b.peerId, resumed: true, capacity: 3 });
    const delivered = next(alice, 'signal');
    bob.send(a.peerId, { kind: 'message', body: 'still here' });
    expect(await delivered).toMatchObject({ from: b.peerId });
    expect(heard).toEqual([]);
  });

  test('a peer that does not come back is announced as left after the grace period', async () => {
    const alice = client();
    const bob = client({ socket: { reconnection: false } });
    await alice.join('lab');
    const b = await bob.join('lab');
    const left = next(alice, 'peer-left');
    const droppedAt = Date.now();
    bob.socket.io.engine.close();
    expect(await left).toEqual({ peerId: b.peerId, reason: 'disconnected' });
    expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(250);
  });
});
