import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { afterEach, describe, expect, test } from 'vitest';
import { SignalingClient, type SignalingClientEvents, type SignalingState } from './client.ts';
import { attachSignaling, type SignalingServer } from './server/signaling-server.ts';
import type { SignalingServerOptions } from './server/signaling-options.ts';

// The client against a real signaling server on 127.0.0.1 (and, once, a socket.io server that
// never answers): nothing is mocked.
const closers: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function listen(http: HttpServer): Promise<string> {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => http.close(resolve)));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

async function hub(options: Partial<SignalingServerOptions> = {}) {
  const http = createServer();
  const signaling: SignalingServer = attachSignaling(http, { graceMs: 300, ...options });
  const url = await listen(http);
  closers.push(() => signaling.close());
  return url;
}

function client(url: string, options: ConstructorParameters<typeof SignalingClient>[0] = {}) {
  const created = new SignalingClient({ url, ...options });
  closers.push(() => created.close());
  return created;
}

function next<K extends keyof SignalingClientEvents>(c: SignalingClient, event: K) {
  return new Promise<SignalingClientEvents[K]>((resolve) => c.once(event, resolve));
}

describe('SignalingClient', () => {
  test('connects, joins and says so: state, peer id, room and the joined event', async () => {
    const url = await hub();
    const alice = client(url);
    const states: SignalingState[] = [];
    alice.on('state', (state) => states.push(state));
    const joinedEvent = next(alice, 'joined');
    const joined = await alice.join('lab', { capacity: 3 });
    expect(await joinedEvent).toEqual(joined);
    expect([alice.peerId, alice.room, joined.capacity]).toEqual([joined.peerId, 'lab', 3]);
    expect(alice.state).toBe('connected');
    expect(states).toEqual(['connected']);
  });

  test('what is sent before the room is joined again after a drop waits, then arrives in order', async () => {
    const url = await hub();
    const alice = client(url);
    const bob = client(url, { socket: { reconnectionDelay: 20, reconnectionDelayMax: 50 } });
    await alice.join('lab');
    const b = await bob.join('lab');
    const heard: unknown[] = [];
    alice.on('signal', ({ from, payload }) => {
      if (from === b.peerId && payload.kind === 'message') heard.push(payload.body);
    });
    const rejoined = next(bob, 'joined');
    bob.socket.io.engine.close(); // the network drops
    await expect.poll(() => bob.state).toBe('reconnecting');
    bob.broadcast({ kind: 'message', body: 1 });
    bob.broadcast({ kind: 'message', body: 2 });
    expect((await rejoined).resumed).toBe(true);
    await expect.poll(() => heard).toEqual([1, 2]);
  });

  test('a hub that never answers the join gives a hub-unreachable SignalingError', async () => {
    const http = createServer();
    const silent = new Server(http); // socket.io, but no PeerLab signaling behind it
    const url = await listen(http);
    closers.push(() => silent.close());
    const alice = client(url, { joinTimeoutMs: 200 });
    await expect(alice.join('lab')).rejects.toMatchObject({
      name: 'SignalingError',
      code: 'hub-unreachable',
      message: 'The hub did not answer within 0.2 s. Is it running?',
    });
  });

  test('a refused handshake is an error event with the hub’s code', async () => {
    const url = await hub({ allowedOrigins: [] });
    const evil = client(url, { socket: { extraHeaders: { origin: 'http://evil.example' } } });
    const error = await next(evil, 'error');
    expect(error).toMatchObject({ name: 'SignalingError', code: 'origin-not-allowed' });
  });

  test('close() leaves the room at once, disconnects and goes quiet', async () => {
    const url = await hub();
    const [alice, bob] = [client(url), client(url)];
    await alice.join('lab');
    const b = await bob.join('lab');
    const left = next(alice, 'peer-left');
    const states: SignalingState[] = [];
    bob.on('state', (state) => states.push(state));
    bob.close();
    expect(await left).toEqual({ peerId: b.peerId, reason: 'left' });
    expect([bob.state, bob.socket.connected]).toEqual(['closed', false]);
    expect(states).toEqual(['closed']); // and nothing after it: close() removed the listeners
  });
});
