import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/** A real redis-server of a test run's own, on a unix socket in a temporary folder. */
export interface RedisServer {
  /** What `redisUrl` and `peerlab serve --redis` take: the socket's path. */
  url: string;
  /** A client for the test to look inside. */
  client: Redis;
  stop(): Promise<void>;
}

/** redis-server from Debian, or `REDIS_SERVER_PATH`. */
export function redisServerPath(): string {
  return process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server';
}

export async function startRedisServer(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'peerlab-redis-'));
  const url = join(dir, 'redis.sock');
  // No TCP port (no clash with anyone's), no snapshots on disk.
  const server = spawn(
    redisServerPath(),
    ['--port', '0', '--unixsocket', url, '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const onExit = () => reject(new Error(`redis-server exited:\n${output}`));
    server.once('exit', onExit);
    server.once('error', reject);
    // Ready once it says so on stdout ("Ready to accept…" or "…now ready to accept…").
    server.stdout.on('data', () => {
      if (!/ready to accept connections/i.test(output)) return;
      server.off('exit', onExit);
      resolve();
    });
  });
  const client = new Redis(url);
  return {
    url,
    client,
    async stop() {
      client.disconnect();
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
