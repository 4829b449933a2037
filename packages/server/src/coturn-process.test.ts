import { readFile, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_QUOTAS } from './coturn-config.ts';
import { startCoturnProcess, type CoturnProcess } from './coturn-process.ts';
import { stunBinding } from './stun-binding.ts';

// A real coturn (Debian's turnserver), started the way `peerlab turn` and `serve --turn` do.
const started: CoturnProcess[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((coturn) => coturn.close()));
});

async function freePort(): Promise<number> {
  const socket = createSocket('udp4').bind(0, '127.0.0.1');
  await once(socket, 'listening');
  const { port } = socket.address();
  socket.close();
  return port;
}

async function start(secret: string) {
  const port = await freePort();
  const min = await freePort();
  const coturn = await startCoturnProcess({
    listeningIps: ['127.0.0.1'],
    relayIp: '127.0.0.1',
    port,
    relayPorts: { min, max: Math.min(min + 20, 65_535) },
    tcp: false,
    secret,
    realm: 'peerlab',
    peers: 'lan',
    quotas: DEFAULT_QUOTAS,
  });
  started.push(coturn);
  return { coturn, port };
}

describe('startCoturnProcess', () => {
  test('coturn answers STUN; its secret is in a file only its owner reads, not on its command line', async () => {
    const secret = randomBytes(16).toString('hex');
    const { coturn, port } = await start(secret);
    expect(await stunBinding(port, 2_000)).toMatch(/^127\.0\.0\.1:\d+$/);
    // What `ps` shows every user of the machine:
    const commandLine = await readFile(`/proc/${coturn.pid}/cmdline`, 'utf8');
    expect(commandLine).toContain('turnserver');
    expect(commandLine).not.toContain(secret);
    expect(await readFile(coturn.configFile, 'utf8')).toContain(`static-auth-secret=${secret}`);
    expect((await stat(coturn.configFile)).mode & 0o777).toBe(0o600);
  });

  test('close() stops coturn and removes its folder', async () => {
    const { coturn, port } = await start('x');
    await coturn.close();
    expect(await stunBinding(port, 300)).toBeUndefined();
    await expect(stat(coturn.configFile)).rejects.toMatchObject({ code: 'ENOENT' });
    await coturn.close(); // twice is harmless
  });
});
