import { afterEach, describe, expect, test } from 'vitest';
import {
  connected,
  startSignaling,
  type SignalingHarness,
} from './test-support/signaling-harness.ts';

// A real socket.io server: the guard runs in its handshake, before any event.
let harness: SignalingHarness;
afterEach(() => harness.close());

describe('connections per client address', () => {
  test('past the limit a connection is refused with too-many-connections', async () => {
    harness = await startSignaling({ maxConnectionsPerAddress: 3 });
    const open = [harness.connect(), harness.connect(), harness.connect()];
    await Promise.all(open.map(connected));
    await expect(connected(harness.connect())).rejects.toMatchObject({
      code: 'too-many-connections',
      message: expect.stringContaining('already has 3 connections'),
    });
  });

  test('a closed connection frees its place', async () => {
    harness = await startSignaling({ maxConnectionsPerAddress: 1 });
    const first = harness.connect();
    await connected(first);
    await expect(connected(harness.connect())).rejects.toMatchObject({
      code: 'too-many-connections',
    });
    first.disconnect();
    await expect.poll(() => harness.signaling.io.of('/').sockets.size).toBe(0);
    await connected(harness.connect());
  });
});

describe('Host and Origin in the handshake', () => {
  test('a page of another site whose name points here (DNS rebinding) is refused', async () => {
    harness = await startSignaling();
    const rebound = harness.connect({
      Host: 'evil.example:8080',
      Origin: 'http://evil.example:8080',
    });
    await expect(connected(rebound)).rejects.toMatchObject({
      code: 'origin-not-allowed',
      message: expect.stringContaining('--public-url'),
    });
  });

  test('a served name is accepted, and a page from it', async () => {
    harness = await startSignaling({ servedOrigins: ['https://peerlab.example.org'] });
    const viaProxy = harness.connect({
      Host: 'peerlab.example.org',
      Origin: 'https://peerlab.example.org',
    });
    await connected(viaProxy);
    const insecure = harness.connect({
      Host: 'peerlab.example.org',
      Origin: 'http://peerlab.example.org',
    });
    await expect(connected(insecure)).rejects.toMatchObject({ code: 'origin-not-allowed' });
  });

  test('a dev server on this machine proxies with its own Host and Origin', async () => {
    harness = await startSignaling();
    await connected(harness.connect({ Host: 'localhost:5173', Origin: 'http://localhost:5173' }));
  });
});
