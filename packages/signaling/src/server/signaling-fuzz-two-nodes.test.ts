import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, onTestFailed, test } from 'vitest';
import { SIGNALING_ERROR_CODES, type SignalingErrorPayload } from '../errors.ts';
import type { JoinedResult, RelayedSignal } from '../protocol.ts';
import { wireEvent, type FuzzTarget, type WireEvent } from './test-support/hostile-events.ts';
import { fuzzSeed, seededRandom, type Random } from './test-support/seeded-random.ts';
import { join, startTwoNodes, type TwoNodes } from './test-support/two-nodes.ts';

// The fuzz test's hostile events, shorter, against two nodes sharing a real redis-server:
// Alice on node 0 and Bob on node 1 talk while 2,000 hostile events arrive on both nodes.
// Every relay aims at their peer ids from another room: none may cross. FUZZ_SEED=<n> replays.
const SEED = fuzzSeed();
const SOCKETS_PER_NODE = 4;
const EVENTS_PER_SOCKET = 250;

let cluster: TwoNodes;

beforeAll(async () => {
  cluster = await startTwoNodes({
    graceMs: 50,
    rateLimit: { points: 1000, durationSeconds: 1 },
    maxConnectionsPerAddress: 1000,
    maxRoomsPerAddress: 20,
    log: () => {},
  });
});
afterAll(() => cluster.close());

type Answer = { kind: 'error'; error: SignalingErrorPayload } | { kind: 'reply'; reply: unknown };

test('hostile events on two nodes get typed errors, and none reaches another room', async () => {
  onTestFailed(() => console.error(`Fuzz seed ${SEED}: run again with FUZZ_SEED=${SEED}`));
  const alice = await cluster.connect(0);
  const bob = await cluster.connect(1);
  const a = (await join(alice, 'calm-room')) as JoinedResult;
  const b = (await join(bob, 'calm-room')) as JoinedResult;
  const heard: { byAlice: RelayedSignal[]; byBob: RelayedSignal[] } = { byAlice: [], byBob: [] };
  alice.on('relay', (signal: RelayedSignal) => heard.byAlice.push(signal));
  bob.on('relay', (signal: RelayedSignal) => heard.byBob.push(signal));
  let sent = 0;
  const talk = setInterval(() => {
    alice.emit('relay', { to: b.peerId, payload: { kind: 'message', body: sent } });
    bob.emit('relay', { to: a.peerId, payload: { kind: 'message', body: sent } });
    sent++;
  }, 100);

  const target: FuzzTarget = {
    foreignPeerIds: [a.peerId, b.peerId],
    fullRoom: 'calm-room',
    maxPayloadBytes: 64 * 1024,
  };
  const random = seededRandom(SEED);
  const runs = Array.from({ length: SOCKETS_PER_NODE * 2 }, (_, i) =>
    hostileRun((i % 2) as 0 | 1, seededRandom(random.int(0, 2 ** 31)), target),
  );
  const answers = (await Promise.all(runs)).flat();
  clearInterval(talk);

  expect(answers).toHaveLength(SOCKETS_PER_NODE * 2 * EVENTS_PER_SOCKET);
  for (const answer of answers) expectTyped(answer);
  // Only each other's numbered messages, each once and in order: nothing else crossed.
  await expect.poll(() => [heard.byAlice.length, heard.byBob.length]).toEqual([sent, sent]);
  const expected = (from: string) =>
    Array.from({ length: sent }, (_, i) => ({ from, payload: { kind: 'message', body: i } }));
  expect(heard.byBob).toEqual(expected(a.peerId));
  expect(heard.byAlice).toEqual(expected(b.peerId));

  // Both nodes still stand, and every hostile room is gone from Redis.
  await expect.poll(() => cluster.redis.client.smembers('peerlab:rooms')).toEqual(['calm-room']);
  for (const node of [0, 1] as const) {
    expect(await join(await cluster.connect(node), `after-${node}`)).toMatchObject({ ok: true });
  }
});

/** Hostile events from one socket on `node`; resolves with the answers it got. */
async function hostileRun(node: 0 | 1, random: Random, target: FuzzTarget): Promise<Answer[]> {
  const socket = await cluster.connect(node);
  const answers: Answer[] = [];
  socket.on('error', (error: SignalingErrorPayload) => answers.push({ kind: 'error', error }));
  socket.on('joined', (reply: unknown) => answers.push({ kind: 'reply', reply }));
  for (let i = 0; i < EVENTS_PER_SOCKET; i++) send(socket, wireEvent(random, target), answers);
  // Events are answered in order: once this one is, all before it are in.
  const last = new Promise<void>((resolve, reject) => {
    socket.on('error', (error: SignalingErrorPayload) => error.event === 'fuzz-last' && resolve());
    socket.once('disconnect', (reason) => reject(new Error(`dropped (${reason})`)));
  });
  socket.emit('fuzz-last');
  await last;
  socket.disconnect();
  return answers.slice(0, -1);
}

function send(socket: Socket, hostile: WireEvent, answers: Answer[]): void {
  if (hostile.via === 'raw') return void socket.io.engine.write(hostile.packet);
  const ack = (reply: unknown) => answers.push({ kind: 'reply', reply });
  socket.emit(hostile.event as string, ...hostile.args, ...(hostile.ack ? [ack] : []));
}

function expectTyped(answer: Answer): void {
  if (answer.kind === 'error')
    return void expect(SIGNALING_ERROR_CODES).toContain(answer.error.code);
  const reply = answer.reply as { ok?: unknown; error?: SignalingErrorPayload };
  if (reply.ok === true) return;
  expect(reply.ok).toBe(false);
  expect(SIGNALING_ERROR_CODES).toContain(reply.error?.code);
}
