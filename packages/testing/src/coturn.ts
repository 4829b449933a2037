import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CoturnOptions {
  /** How long coturn may take to answer its first STUN request (default 10 s). */
  startTimeoutMs?: number;
  /** How many UDP ports coturn may hand out as relay addresses (default 50). */
  relayPorts?: number;
}

/** A running coturn on 127.0.0.1 that checks TURN REST credentials made from `secret`. */
export interface Coturn {
  /** `turn:127.0.0.1:PORT?transport=udp`: give it to the hub as `ice.turn.urls`. */
  url: string;
  port: number;
  /** coturn's static-auth-secret: give it to the hub as `ice.turn.secret`, never to a page. */
  secret: string;
  /** Stops coturn and removes its temporary files. */
  close(): Promise<void>;
}

/** Where to find coturn's server: `TURNSERVER_PATH`, else `turnserver` on the PATH. */
export function turnserverPath(): string {
  return process.env.TURNSERVER_PATH || 'turnserver';
}

/**
 * Starts Debian's coturn (`turnserver`) for a test: loopback only, a free port, a fresh random
 * secret, and its pid file and database in a temporary folder, so it needs no root and leaves
 * nothing behind. Resolves once it answers a STUN Binding request.
 */
export async function startCoturn(options: CoturnOptions = {}): Promise<Coturn> {
  const { startTimeoutMs = 10_000, relayPorts = 50 } = options;
  const [port, minPort] = (await freeUdpPorts(2)) as [number, number];
  const maxPort = Math.min(minPort + relayPorts - 1, 65_535);
  const secret = randomBytes(16).toString('hex');
  const dir = await mkdtemp(join(tmpdir(), 'peerlab-coturn-'));
  const args = [
    '-n', // no config file: /etc/turnserver.conf must not change what the test runs
    '--listening-ip=127.0.0.1',
    '--relay-ip=127.0.0.1',
    `--listening-port=${port}`,
    `--min-port=${minPort}`,
    `--max-port=${maxPort}`,
    '--use-auth-secret',
    `--static-auth-secret=${secret}`,
    '--realm=peerlab',
    '--no-tls',
    '--no-tcp', // the URL says transport=udp: one free port to find, not two
    '--no-cli',
    // Relaying between browsers on this machine means relaying to 127.0.0.1 (else 403).
    '--allow-loopback-peers',
    '--log-file=stdout',
    `--pidfile=${join(dir, 'turnserver.pid')}`,
    `--userdb=${join(dir, 'turndb')}`,
  ];

  const child = spawn(turnserverPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // A test run that dies must not leave coturn running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const close = async () => {
    process.off('exit', killOnExit);
    const running = child.pid !== undefined && child.exitCode === null && !child.signalCode;
    if (running) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  } catch (error) {
    await close();
    throw describeSpawnError(error as NodeJS.ErrnoException);
  }

  const deadline = Date.now() + startTimeoutMs;
  while (!(await stunBinding(port, 200))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await close();
      const why = child.exitCode !== null ? `exited with code ${child.exitCode}` : 'never answered';
      throw new Error(`coturn ${why} on 127.0.0.1:${port}. Its output:\n${output}`);
    }
  }
  return { url: `turn:127.0.0.1:${port}?transport=udp`, port, secret, close };
}

/**
 * Sends a STUN Binding request (RFC 5389) to 127.0.0.1:`port` and resolves to the address the
 * server saw it come from (`127.0.0.1:54321`), or `undefined` without an answer in `timeoutMs`.
 */
export async function stunBinding(port: number, timeoutMs: number): Promise<string | undefined> {
  const socket = createSocket('udp4');
  const transactionId = randomBytes(12);
  const request = Buffer.alloc(20);
  request.writeUInt16BE(0x0001, 0); // Binding request, no attributes
  request.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(request, 8);
  try {
    const answer = new Promise<Buffer | undefined>((resolve) => {
      socket.on('error', () => resolve(undefined)); // nothing listening yet, say
      socket.on('message', (message: Buffer) => {
        const isSuccess = message.length >= 20 && message.readUInt16BE(0) === 0x0101;
        if (isSuccess && message.subarray(8, 20).equals(transactionId)) resolve(message);
      });
    });
    socket.send(request, port, '127.0.0.1');
    const timeout = new Promise<undefined>((resolve) => setTimeout(resolve, timeoutMs));
    const message = await Promise.race([answer, timeout]);
    return message && xorMappedAddress(message);
  } finally {
    socket.close();
  }
}

const MAGIC_COOKIE = 0x2112a442;

/** Reads the XOR-MAPPED-ADDRESS attribute (IPv4) of a Binding success response. */
function xorMappedAddress(message: Buffer): string | undefined {
  for (let at = 20; at + 4 <= message.length;) {
    const type = message.readUInt16BE(at);
    const length = message.readUInt16BE(at + 2);
    if (type === 0x0020 && length >= 8 && message[at + 5] === 0x01) {
      const port = message.readUInt16BE(at + 6) ^ (MAGIC_COOKIE >>> 16);
      const address = (message.readUInt32BE(at + 8) ^ MAGIC_COOKIE) >>> 0;
      return `${[24, 16, 8, 0].map((shift) => (address >>> shift) & 0xff).join('.')}:${port}`;
    }
    at += 4 + Math.ceil(length / 4) * 4; // attributes are padded to 4 bytes
  }
  return undefined;
}

/** `count` different UDP ports on 127.0.0.1 that nothing listens on right now. */
async function freeUdpPorts(count: number): Promise<number[]> {
  const sockets = Array.from({ length: count }, () => createSocket('udp4').bind(0, '127.0.0.1'));
  await Promise.all(sockets.map((socket) => once(socket, 'listening')));
  const ports = sockets.map((socket) => socket.address().port);
  sockets.forEach((socket) => socket.close());
  return ports;
}

function describeSpawnError(error: NodeJS.ErrnoException): Error {
  if (error.code !== 'ENOENT') return error;
  return new Error(
    process.env.TURNSERVER_PATH
      ? `TURNSERVER_PATH=${process.env.TURNSERVER_PATH} does not exist.`
      : 'coturn is not installed: apt-get install -y coturn (or set TURNSERVER_PATH to its turnserver).',
  );
}
