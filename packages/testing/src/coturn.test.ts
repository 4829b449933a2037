import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { afterEach, describe, expect, test } from 'vitest';
import { startCoturn, stunBinding } from './coturn.ts';

const saved = { TURNSERVER_PATH: process.env.TURNSERVER_PATH, PATH: process.env.PATH };
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('startCoturn', () => {
  test('answers STUN on its port with a fresh secret, and close() stops it', async () => {
    const coturn = await startCoturn();
    try {
      expect(coturn.url).toBe(`turn:127.0.0.1:${coturn.port}?transport=udp`);
      expect(coturn.secret).toMatch(/^[0-9a-f]{32}$/);
      expect(await stunBinding(coturn.port, 2_000)).toMatch(/^127\.0\.0\.1:\d+$/);
    } finally {
      await coturn.close();
    }
    expect(await stunBinding(coturn.port, 300)).toBeUndefined();
    // The port is free again: the process is gone, not just quiet.
    const socket = createSocket('udp4').bind(coturn.port, '127.0.0.1');
    await once(socket, 'listening');
    socket.close();
  });

  test('stop() is an outage and start() brings it back, on the same port', async () => {
    const coturn = await startCoturn();
    try {
      const first = coturn.pid;
      await coturn.stop();
      expect(await stunBinding(coturn.port, 300)).toBeUndefined();
      await coturn.start();
      expect(coturn.pid).not.toBe(first);
      expect(await stunBinding(coturn.port, 2_000)).toMatch(/^127\.0\.0\.1:\d+$/);
    } finally {
      await coturn.close();
    }
  });

  test('two at once get their own ports and secrets', async () => {
    const [one, two] = await Promise.all([startCoturn(), startCoturn()]);
    await Promise.all([one.close(), two.close()]);
    expect(one.port).not.toBe(two.port);
    expect(one.secret).not.toBe(two.secret);
  });

  test('without coturn, it says how to install it', async () => {
    delete process.env.TURNSERVER_PATH;
    process.env.PATH = '/nowhere';
    await expect(startCoturn()).rejects.toThrow(
      'coturn is not installed: apt-get install -y coturn',
    );
  });

  test('a TURNSERVER_PATH that does not exist is named in the error', async () => {
    process.env.TURNSERVER_PATH = '/nowhere/turnserver';
    await expect(startCoturn()).rejects.toThrow(
      'TURNSERVER_PATH=/nowhere/turnserver does not exist',
    );
  });
});
