import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connectClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { SignalingClient } from '../client.ts';
import { SIGNALING_ERROR_CODES, type SignalingErrorPayload } from '../errors.ts';
import { attachSignaling, type SignalingServer } from './signaling-server.ts';
import {
  droppingEvent,
  inProcessEvent,
  wireEvent,
  type FuzzTarget,
  type InProcessEvent,
  type WireEvent,
} from './test-support/hostile-events.ts';
import { fuzzSeed, seededRandom, type Random } from './test-support/seeded-random.ts';

// A real socket.io server on 127.0.0.1 and real socket.io-client sockets. Two well-behaved
// peers talk every 100 ms while thousands of hostile events arrive, over the wire and handed
// to the gate in-process. FUZZ_SEED=<n> replays a run.
const SEED = fuzzSeed();
const WIRE_SOCKETS = 14;
const IN_PROCESS_SOCKETS = 6;
const EVENTS_PER_SOCKET = 500; // under the fuzz server's 1000 events/s: none is rate-limited
const FLOOD = 1500; // over it: the flood is
const DROPPING = 24;

let http: HttpServer;
let signaling: SignalingServer;
let url: string;
const logged: string[] = [];

beforeAll(async () => {
  http = createServer();
  signaling = attachSignaling(http, {
    graceMs: 50,
    rateLimit: { points: 1000, durationSeconds: 1 },
    maxConnectionsPerAddress: 1000,
    maxRoomsPerAddress: 20,
    log: (line) => logged.push(line),
    // As a hub with TURN does: `ice` answers, and every join answer carries servers.
    iceFor: (peerId) => ({
      iceServers: [{ urls: 'turn:127.0.0.1:3478', username: `1:${peerId}`, credential: 'c' }],
      ttlSeconds: 600,
    }),
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await signaling.close();
  await new Promise((resolve) => http.close(resolve));
});

test(
  'hostile events get typed errors while two peers keep talking',
  { timeout: 90_000 },
  async () => {
    onTestFailed(() => console.error(`Fuzz seed ${SEED}: run again with FUZZ_SEED=${SEED}`));
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, 'vitest.config.ts passes --expose-gc').toBeTypeOf('function');

    const talk = await startConversation();
    const target: FuzzTarget = {
      foreignPeerIds: talk.peerIds,
      fullRoom: 'calm-room',
      maxPayloadBytes: signaling.options.maxPayloadBytes,
    };
    gc!();
    const heapBefore = process.memoryUsage().heapUsed;

    const random = seededRandom(SEED);
    const seeds = Array.from({ length: WIRE_SOCKETS + IN_PROCESS_SOCKETS + 1 }, () =>
      random.int(0, 2 ** 31),
    );
    const runs = await Promise.all([
      ...seeds.slice(0, WIRE_SOCKETS).map((seed) => wireRun(seededRandom(seed), target)),
      ...seeds.slice(WIRE_SOCKETS, -1).map((seed) => inProcessRun(seededRandom(seed), target)),
      floodRun(),
      droppingRun(seededRandom(seeds.at(-1)!)),
    ]);
    const answers = runs.flat();

    expect(answers.length).toBeGreaterThanOrEqual(
      (WIRE_SOCKETS + IN_PROCESS_SOCKETS) * EVENTS_PER_SOCKET,
    );
    for (const answer of answers) expectTyped(answer);
    const internal = answers.filter((answer) => codeOf(answer) === 'internal-error');
    expect(internal.length, 'the in-process path reaches handler throws').toBeGreaterThan(0);
    expect(logged, 'one log line per internal error').toHaveLength(internal.length);
    for (const line of logged) expect(line).toMatch(/: Error: (getter|get trap) throws$/);

    const heard = await talk.stop();
    expect(heard.byBob, 'Bob hears every message of Alice once, in order').toEqual(
      range(heard.sent),
    );
    expect(heard.byAlice, 'and Alice every message of Bob').toEqual(range(heard.sent));

    // Every hostile socket is gone: only the peers' room and sockets remain.
    await expect.poll(() => signaling.roomCount()).toBe(1);
    await expect.poll(() => signaling.io.of('/').sockets.size).toBe(2);
    gc!();
    const grownMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
    expect(grownMb, 'heap growth after GC, MB').toBeLessThan(32);
    talk.close();
  },
);

type Answer = { kind: 'error'; error: SignalingErrorPayload } | { kind: 'reply'; reply: unknown };

/** Hostile events from one socket over the wire; resolves with the answers it got. */
async function wireRun(random: Random, target: FuzzTarget): Promise<Answer[]> {
  const { socket, answers, finish } = await hostileSocket();
  for (let i = 0; i < EVENTS_PER_SOCKET; i++) send(socket, wireEvent(random, target), answers);
  const own = await finish(EVENTS_PER_SOCKET);
  // Whatever JSON can carry is understood: `internal-error` is only for throwing getters.
  expect(own.filter((answer) => codeOf(answer) === 'internal-error')).toEqual([]);
  return own;
}

/** Hostile values handed straight to the server's gate for one connected socket. */
async function inProcessRun(random: Random, target: FuzzTarget): Promise<Answer[]> {
  const { socket, answers, finish } = await hostileSocket();
  // socket.io calls the gate registered with onAny for every event; call it ourselves.
  const serverSide = signaling.io.of('/').sockets.get(socket.id!)!;
  const [gate] = serverSide.listenersAny() as ((...args: unknown[]) => Promise<void>)[];
  for (let i = 0; i < EVENTS_PER_SOCKET; i++) {
    const hostile: InProcessEvent = inProcessEvent(random, target);
    const ack = (reply: unknown) => answers.push({ kind: 'reply', reply });
    await gate!(hostile.event, ...hostile.args, ...(hostile.ack ? [ack] : []));
  }
  return finish(EVENTS_PER_SOCKET);
}

/** One socket floods joins and unknown events, far past its rate limit: some are refused. */
async function floodRun(): Promise<Answer[]> {
  const { socket, answers, finish } = await hostileSocket();
  const ack = (reply: unknown) => answers.push({ kind: 'reply', reply });
  for (let i = 0; i < FLOOD; i++) {
    if (i % 2) socket.emit('join', { v: 1, room: `flood-${i}` }, ack);
    else socket.emit('shout', i);
  }
  const flood = await finish(FLOOD);
  expect(flood.filter((answer) => codeOf(answer) === 'rate-limited').length).toBeGreaterThan(0);
  return flood;
}

/** What socket.io refuses itself ends that connection, and only that one. */
async function droppingRun(random: Random): Promise<Answer[]> {
  for (let i = 0; i < DROPPING; i++) {
    const { socket } = await hostileSocket();
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    const hostile = droppingEvent(random);
    if (hostile.via === 'emit') socket.emit(hostile.event, ...hostile.args);
    else for (const frame of hostile.frames) socket.io.engine.write(frame);
    expect(await closed, JSON.stringify(hostile).slice(0, 200)).toMatch(/transport (close|error)/);
  }
  return [];
}

function send(socket: Socket, hostile: WireEvent, answers: Answer[]): void {
  if (hostile.via === 'raw') return void socket.io.engine.write(hostile.packet);
  const ack = (reply: unknown) => answers.push({ kind: 'reply', reply });
  socket.emit(hostile.event as string, ...hostile.args, ...(hostile.ack ? [ack] : []));
}

/**
 * A raw socket that records every answer. `finish(n)` sends a last event and waits for its
 * answer: events are answered in order, so by then all `n` before it are in.
 */
async function hostileSocket() {
  const socket = connectClient(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const answers: Answer[] = [];
  socket.on('error', (error: SignalingErrorPayload) => answers.push({ kind: 'error', error }));
  socket.on('joined', (reply: unknown) => answers.push({ kind: 'reply', reply }));
  await new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(undefined));
    socket.once('connect_error', reject);
  });
  const finish = async (sent: number): Promise<Answer[]> => {
    const last = new Promise<void>((resolve, reject) => {
      socket.on(
        'error',
        (error: SignalingErrorPayload) => error.event === 'fuzz-last' && resolve(),
      );
      socket.once('disconnect', (reason) =>
        reject(new Error(`dropped (${reason}) after ${answers.length} answers`)),
      );
    });
    socket.emit('fuzz-last');
    await last;
    socket.disconnect();
    const own = answers.slice(0, -1);
    expect(own, 'one answer per hostile event').toHaveLength(sent);
    return own;
  };
  return { socket, answers, finish };
}

/** Alice and Bob, in their own room, each send the other a numbered message every 100 ms. */
async function startConversation() {
  const alice = new SignalingClient({ url });
  const bob = new SignalingClient({ url });
  const a = await alice.join('calm-room');
  const b = await bob.join('calm-room');
  const byAlice: number[] = [];
  const byBob: number[] = [];
  alice.on(
    'signal',
    ({ payload }) => payload.kind === 'message' && byAlice.push(seqOf(payload.body)),
  );
  bob.on('signal', ({ payload }) => payload.kind === 'message' && byBob.push(seqOf(payload.body)));
  let sent = 0;
  const timer = setInterval(() => {
    alice.send(b.peerId, { kind: 'message', body: { seq: sent } });
    bob.send(a.peerId, { kind: 'message', body: { seq: sent } });
    sent++;
  }, 100);
  return {
    peerIds: [a.peerId, b.peerId],
    /** Stops once each has sent 10 or more, and resolves with what each heard. */
    async stop() {
      await expect.poll(() => sent, { timeout: 5_000 }).toBeGreaterThanOrEqual(10);
      clearInterval(timer);
      await expect.poll(() => [byAlice.length, byBob.length]).toEqual([sent, sent]);
      return { byAlice, byBob, sent };
    },
    close() {
      alice.close();
      bob.close();
    },
  };
}

function expectTyped(answer: Answer): void {
  if (answer.kind === 'error') {
    expect(SIGNALING_ERROR_CODES).toContain(answer.error.code);
    expect(answer.error.message).not.toMatch(/(Infinity|NaN) bytes|\[object /);
    return;
  }
  const reply = answer.reply as { ok?: unknown; error?: SignalingErrorPayload };
  if (reply.ok === true) return;
  expect(reply.ok).toBe(false);
  expect(SIGNALING_ERROR_CODES).toContain(reply.error?.code);
}

function codeOf(answer: Answer): string | undefined {
  if (answer.kind === 'error') return answer.error.code;
  return (answer.reply as { error?: SignalingErrorPayload }).error?.code;
}

function seqOf(body: unknown): number {
  return (body as { seq: number }).seq;
}

function range(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}
