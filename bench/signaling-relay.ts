import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startRedisServer } from '@peerlab/signaling/test-support/redis-server';
import { startHubProcess } from './hub-process.ts';
import type { BenchRow, BenchSuite } from './report.ts';
import { percentile, round } from './stats.ts';

/** Clients per run; `BENCH_CLIENTS=100,200` for a quick look. */
const COUNTS = process.env.BENCH_CLIENTS?.split(',').map(Number) ?? [500, 1_000, 2_000];
/** Each client sends its peer one message a second, every tenth one offer-sized. */
const SEND_EVERY_MS = 1_000;
const MEASURE_MS = 6_000;
const CANDIDATE = 'candidate:1 1 udp 2122260223 192.168.1.20 54321 typ host generation 0 '.repeat(
  3,
);
const OFFER = 'v=0 o=- 4611731400430051336 2 IN IP4 127.0.0.1 s=- t=0 0 '.repeat(70); // ~4 KB

/** A server under test: where clients connect, how they pair, and its processes' ids. */
interface Target {
  /** One URL, or two: the first client of each pair connects to the first, its peer to the last. */
  urls: string[];
  pids: number[];
  /** Puts two connected clients in touch; resolves to how each addresses the other. */
  pair(a: Socket, b: Socket, room: string): Promise<[string, string]>;
  close(): Promise<void>;
}

async function joinRoom(socket: Socket, room: string): Promise<string> {
  const reply = await socket.emitWithAck('join', { v: 1, room });
  if (!reply.ok) throw new Error(`join: ${reply.error.code}`);
  return reply.peerId as string;
}

async function pairInRoom(a: Socket, b: Socket, room: string): Promise<[string, string]> {
  const idA = await joinRoom(a, room);
  const idB = await joinRoom(b, room);
  return [idB, idA];
}

async function hubTarget(): Promise<Target> {
  const hub = await startHubProcess();
  return { urls: [hub.url], pids: [hub.pid], pair: pairInRoom, close: hub.close };
}

/** Two hub processes sharing a redis-server: every relay goes from one hub to the other. */
async function twoHubsTarget(): Promise<Target> {
  const redis = await startRedisServer();
  const hubs = [
    await startHubProcess(['--redis', redis.url]),
    await startHubProcess(['--redis', redis.url]),
  ];
  return {
    urls: hubs.map((hub) => hub.url),
    pids: hubs.map((hub) => hub.pid),
    pair: pairInRoom,
    close: async () => {
      await Promise.all(hubs.map((hub) => hub.close()));
      await redis.stop();
    },
  };
}

async function plainTarget(): Promise<Target> {
  const script = join(import.meta.dirname, 'plain-relay-server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'pipe' });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /listening (\d+)/.exec(chunk.toString());
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`plain relay exited with ${code}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    urls: [`http://127.0.0.1:${port}/`],
    pids: [child.pid!],
    pair: async (a, b) => [b.id!, a.id!],
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The resident size of the target's processes, together. */
async function rssKb(pids: number[]): Promise<number> {
  let total = 0;
  for (const pid of pids) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  }
  return total;
}

/**
 * One client: its own connection (not shared), from its own loopback address, as clients on
 * many machines would be: the hub counts connections and rooms per address.
 */
function connect(url: string, address: string): Promise<Socket> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    localAddress: address,
  } as Parameters<typeof io>[1]);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

interface Measured {
  p50: number;
  p99: number;
  perSecond: number;
  kbPerConnection: number;
}

/** `count` clients in pairs relaying to each other; latency is sender → receiver, one way. */
async function measure(target: Target, count: number): Promise<Measured> {
  // A few connections first, so the server's start-up (JIT, first heap growth) is not counted.
  const warm = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      connect(target.urls[i % target.urls.length]!, '127.0.0.1'),
    ),
  );
  warm.forEach((socket) => socket.disconnect());
  const before = await rssKb(target.pids);
  const sockets: Socket[] = [];
  const latencies: number[] = [];
  const timers: NodeJS.Timeout[] = [];
  let measuring = false;
  try {
    for (let i = 0; i < count; i += 2) {
      // Two pairs per address: well under the hub's 32 connections and 16 rooms per address.
      const pairs = i >> 2; // index of this address
      const address = `127.0.${Math.floor(pairs / 250) + 1}.${(pairs % 250) + 1}`;
      const [a, b] = await Promise.all([
        connect(target.urls[0]!, address),
        connect(target.urls.at(-1)!, address),
      ]);
      sockets.push(a!, b!);
      const [toB, toA] = await target.pair(a!, b!, `bench-${count}-${i}`);
      for (const [from, to, socket] of [[a!, toB, b!] as const, [b!, toA, a!] as const]) {
        socket.on('relay', ({ payload }: { payload: { body: { t: number } } }) => {
          if (measuring) latencies.push(performance.now() - payload.body.t);
        });
        let seq = 0;
        const send = () => {
          const text = ++seq % 10 === 0 ? OFFER : CANDIDATE;
          const body = { t: performance.now(), text };
          from.emit('relay', { to, payload: { kind: 'message', body } });
        };
        // Spread over the second, so the load is steady rather than in waves.
        const start = setTimeout(
          () => timers.push(setInterval(send, SEND_EVERY_MS)),
          Math.random() * SEND_EVERY_MS,
        );
        timers.push(start);
      }
    }
    const after = await rssKb(target.pids);
    await new Promise((resolve) => setTimeout(resolve, 2 * SEND_EVERY_MS)); // every client sending
    measuring = true;
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, MEASURE_MS));
    measuring = false;
    const seconds = (performance.now() - started) / 1000;
    return {
      p50: round(percentile(latencies, 50), 2),
      p99: round(percentile(latencies, 99), 2),
      perSecond: round(latencies.length / seconds, 0),
      kbPerConnection: round((after - before) / count, 1),
    };
  } finally {
    timers.forEach((timer) => clearInterval(timer));
    sockets.forEach((socket) => socket.disconnect());
  }
}

export async function benchSignalingRelay(): Promise<BenchSuite> {
  const results: Record<'hub' | 'twoHubs' | 'plain', Record<number, Measured>> = {
    hub: {},
    twoHubs: {},
    plain: {},
  };
  for (const count of COUNTS) {
    // A fresh server for each size and side, in turns, so neither inherits the other's heap.
    for (const [name, start] of [
      ['hub', hubTarget],
      ['twoHubs', twoHubsTarget],
      ['plain', plainTarget],
    ] as const) {
      const target = await start();
      try {
        console.info(`  ${name}, ${count} clients…`);
        results[name][count] = await measure(target, count);
      } finally {
        await target.close();
      }
    }
  }
  const rows: BenchRow[] = COUNTS.flatMap((count) => {
    const [hub, plain] = [results.hub[count]!, results.plain[count]!];
    const rowsFor: BenchRow[] = [
      { metric: `${count} clients: relay p50`, ours: hub.p50, anchor: plain.p50, unit: 'ms' },
      {
        metric: `${count} clients: relay p99`,
        ours: hub.p99,
        anchor: plain.p99,
        unit: 'ms',
        ...(count === 2_000 && { goal: { op: '<=' as const, value: 1.2, of: 'anchor' as const } }),
      },
      {
        metric: `${count} clients: relayed`,
        ours: hub.perSecond,
        anchor: plain.perSecond,
        unit: 'messages/s',
      },
      {
        metric: `${count} clients: server memory per connection`,
        ours: hub.kbPerConnection,
        anchor: plain.kbPerConnection,
        unit: 'KB',
      },
    ];
    if (count === 2_000) {
      rowsFor.push({
        metric: `${count} clients: relay p99, absolute`,
        ours: hub.p99,
        unit: 'ms',
        goal: { op: '<=', value: 10 },
      });
    }
    const two = results.twoHubs[count]!;
    rowsFor.push(
      {
        metric: `${count} clients, two hubs: relay p50`,
        ours: two.p50,
        anchor: plain.p50,
        unit: 'ms',
      },
      {
        metric: `${count} clients, two hubs: relay p99`,
        ours: two.p99,
        anchor: plain.p99,
        unit: 'ms',
      },
      {
        metric: `${count} clients, two hubs: relayed`,
        ours: two.perSecond,
        anchor: plain.perSecond,
        unit: 'messages/s',
      },
      {
        metric: `${count} clients, two hubs: server memory per connection`,
        ours: two.kbPerConnection,
        anchor: plain.kbPerConnection,
        unit: 'KB',
      },
      {
        // Here the anchor column is one hub: the cost of going through Redis.
        metric: `${count} clients: relay p99, two hubs (ours) against one hub (anchor)`,
        ours: two.p99,
        anchor: hub.p99,
        unit: 'ms',
        goal: { op: '<=', value: 2, of: 'anchor' },
      },
    );
    return rowsFor;
  });
  return {
    name: 'signaling-relay',
    title:
      'Signaling relay: the hub against plain socket.io, 500 to 2,000 clients, on one node and on two through Redis',
    anchor:
      'plain socket.io (the same version) in a process of its own, forwarding `relay { to, ' +
      'payload }` to the addressed socket with no rooms, checks or limits ' +
      '(bench/plain-relay-server.ts). Both sides: Node socket.io clients in this process, each ' +
      'on its own connection from its own loopback address (two pairs per address), in rooms ' +
      `of two; each sends its peer a message every ${SEND_EVERY_MS / 1000} s, candidate-sized ` +
      '(~220 B), every tenth offer-sized (~4 KB). Latency is one way, sender to receiver, on ' +
      `this process's clock, over ${MEASURE_MS / 1000} s once every client is sending. Memory: ` +
      "the server's resident size after connecting the clients, minus before, per client. " +
      'Two hubs: two `peerlab serve --redis` processes sharing one redis-server (unix socket), ' +
      'each pair split between them, so every relay crosses Redis; their memory is both ' +
      'processes together (Redis itself not counted).',
    rows,
  };
}
