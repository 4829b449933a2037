import { PROTOCOL_VERSION, type JoinedResult } from '@peerlab/signaling';
import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startHub, type Hub } from './hub.ts';
import { createFixtureRepo, type FixtureRepo } from './test-support/fixture-repo.ts';

// Real socket.io clients against a real hub: signaling shares the hub's port and origin.
let repo: FixtureRepo;
let hub: Hub;
const sockets: Socket[] = [];

beforeEach(async () => {
  repo = createFixtureRepo([]);
  hub = await startHub({
    port: 0,
    rootDir: repo.rootDir,
    allowedOrigins: ['http://localhost:5173'],
    signaling: { defaultCapacity: 3 },
    quiet: true,
  });
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hub.close();
  repo.remove();
});

function connect(origin?: string, host?: string): Socket {
  const socket = io(hub.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { ...(origin && { Origin: origin }), ...(host && { Host: host }) },
  });
  sockets.push(socket);
  return socket;
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
}

describe('signaling on the hub', () => {
  test('a client connects, joins a room with the configured capacity, and /healthz counts it', async () => {
    const socket = connect();
    await connected(socket);
    const joined: JoinedResult = await socket.emitWithAck('join', {
      v: PROTOCOL_VERSION,
      room: 'lab',
    });
    expect(joined).toMatchObject({ ok: true, room: 'lab', capacity: 3, peers: [] });
    const health = await (await fetch(new URL('/healthz', hub.url))).json();
    expect(health.rooms).toBe(1);
  });

  test("pages from the hub's own origin and from allowed origins may connect", async () => {
    const own = connect(new URL(hub.url).origin);
    const listed = connect('http://localhost:5173');
    await Promise.all([connected(own), connected(listed)]);
    expect([own.connected, listed.connected]).toEqual([true, true]);
  });

  test('pages from other origins are refused with a clear reason', async () => {
    const error = await connected(connect('http://evil.example')).catch((e: unknown) => e);
    expect(error).toMatchObject({ data: { code: 'origin-not-allowed' } });
  });

  test('a page of another site whose name points at the hub (DNS rebinding) is refused', async () => {
    const rebound = `evil.example:${hub.port}`;
    const error = await connected(connect(`http://${rebound}`, rebound)).catch((e: unknown) => e);
    expect(error).toMatchObject({
      data: { code: 'origin-not-allowed', message: expect.stringContaining('--public-url') },
    });
  });

  test("the hub's own name with the wrong scheme is refused", async () => {
    const error = await connected(connect(`https://127.0.0.1:${hub.port}`)).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ data: { code: 'origin-not-allowed' } });
  });

  test('a Vite dev server on this machine proxies with its own Host and Origin', async () => {
    // The preset's proxy keeps the page's Host (no changeOrigin): both name the dev server.
    const socket = connect('http://localhost:5174', 'localhost:5174');
    await connected(socket);
    expect(socket.connected).toBe(true);
  });

  test('close() disconnects connected clients', async () => {
    const socket = connect();
    await connected(socket);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await hub.close();
    expect(await gone).toBeTruthy();
    expect(socket.connected).toBe(false);
  });
});
