import { randomFillSync } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  BenchPage,
  Contender,
  RunConfig,
  RunResult,
} from './file-transfer-page/run-config.ts';
import { receiverMemoryDuring, type MemoryPeak } from './file-transfer-memory.ts';
import { startRig, type Rig } from './file-transfer-rig.ts';
import { holdLock } from './machine-lock.ts';
import { bestOf, reportFileTransfer, type Outcome } from './file-transfer-report.ts';
import type { BenchSuite } from './report.ts';
import { round } from './stats.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
const CHUNKS = [16 * KiB, 64 * KiB, 256 * KiB];
/**
 * The anchors' best is at 64 or 256 KiB: 16 KiB was their slowest in every trial run here (and
 * in field-notes.md), and a 256 MiB run of it costs over a minute a round. `FILE_BENCH_ALL=1`
 * measures it too.
 */
const ANCHOR_CHUNKS = process.env.FILE_BENCH_ALL ? CHUNKS : CHUNKS.slice(1);

interface Setup {
  contender: Contender;
  chunk: number;
  name: string;
}

/** Every configuration measured for throughput, in the order each round runs them. */
const SETUPS: Setup[] = [
  ...CHUNKS.map((chunk) => ({ contender: 'raw' as const, chunk, name: `raw ${chunk / KiB} KiB` })),
  { contender: 'ours', chunk: 0, name: 'ours (SHA-256 + OPFS)' },
  ...ANCHOR_CHUNKS.map((chunk) => ({
    contender: 'simple-peer' as const,
    chunk,
    name: `simple-peer ${chunk / KiB} KiB`,
  })),
  { contender: 'simple-peer-docs', chunk: 0, name: 'simple-peer as documented (Blob.stream())' },
  ...ANCHOR_CHUNKS.map((chunk) => ({
    contender: 'peerjs' as const,
    chunk,
    name: `PeerJS raw ${chunk / KiB} KiB`,
  })),
  { contender: 'peerjs-docs', chunk: 0, name: 'PeerJS as documented (send(file))' },
];

type Bench = Window & { bench: BenchPage };

/** Random bytes on disk: the sender picks this file through its `<input type=file>`. */
async function makeFile(bytes: number): Promise<string> {
  const path = join(tmpdir(), `peerlab-file-bench-${bytes / MiB}MiB.bin`);
  const file = await open(path, 'w');
  const block = Buffer.alloc(8 * MiB);
  for (let at = 0; at < bytes; at += block.byteLength) {
    await file.write(randomFillSync(block), 0, Math.min(block.byteLength, bytes - at));
  }
  await file.close();
  return path;
}

let runs = 0;

/** One transfer: the receiver listens, the sender sends, both pages tidy up. */
async function transfer(rig: Rig, setup: Setup, size: number, keep: RunConfig['keep']) {
  const config: RunConfig = { run: `r${++runs}`, ...setup, size, keep, peerServer: rig.peerServer };
  const receiving = rig.receiver.evaluate(
    (c) => (window as unknown as Bench).bench.receive(c),
    config,
  );
  const sent = await rig.sender.evaluate((c) => (window as unknown as Bench).bench.send(c), config);
  if (sent.error) {
    await rig.receiver.evaluate((e) => (window as unknown as Bench).bench.abort(e), sent.error);
  }
  const result: RunResult = await receiving;
  for (const page of [rig.sender, rig.receiver]) {
    await page.evaluate(() => (window as unknown as Bench).bench.closeAll());
  }
  if (!result.error && result.bytes !== size) result.error = `${result.bytes} of ${size} bytes`;
  return { ...result, error: result.error ?? sent.error };
}

/** A page that crashed (say, out of memory) fails its run instead of the whole benchmark. */
const crashed = (error: unknown): RunResult => ({ ms: 0, bytes: 0, error: String(error) });

const rate = (result: RunResult, size: number) => (size / MiB / result.ms) * 1000;

export async function benchFileTransfer(): Promise<BenchSuite> {
  const size = Number(process.env.FILE_BENCH_MIB ?? 256) * MiB;
  const memorySize = Number(process.env.FILE_BENCH_MEMORY_MIB ?? 1024) * MiB;
  const rounds = Number(process.env.FILE_BENCH_ROUNDS ?? 2);
  const lock = process.env.BENCH_LOCK;
  const only = process.env.FILE_BENCH_ONLY?.split(',');
  const setups = SETUPS.filter((s) => !only || only.some((o) => s.name.startsWith(o)));
  const [file, memoryFile] = [await makeFile(size), await makeFile(memorySize)];
  const outcomes = new Map(setups.map((s) => [s.name, { mibps: [], errors: [] } as Outcome]));
  const loads: string[] = [];
  const load = () =>
    loadavg()
      .map((n) => round(n, 1))
      .join(' / ');

  // Round 1 of every configuration, then round 2…: a burst of load spreads over all of them.
  for (let r = 1; r <= rounds; r++) {
    const release = await holdLock(lock);
    const before = load();
    const rig = await startRig();
    try {
      await rig.sender.setInputFiles('#file', file);
      for (const setup of setups) {
        const result = await transfer(rig, setup, size, 'count').catch(crashed);
        const outcome = outcomes.get(setup.name)!;
        if (result.error) outcome.errors.push(result.error);
        else outcome.mibps.push(rate(result, size));
        console.info(
          `  round ${r}, ${setup.name}: ${result.error ?? `${rate(result, size).toFixed(1)} MiB/s`}`,
        );
      }
    } finally {
      await rig.close();
      release();
    }
    loads.push(`round ${r}: ${before} before, ${load()} after`);
  }

  // Memory: 1 GiB, ours to disk beside the anchors' way of collecting chunks into a Blob.
  const bestAnchor = bestOf(outcomes, (name) => name.startsWith('simple-peer '));
  const memorySetups = [
    SETUPS.find((s) => s.contender === 'ours')!,
    SETUPS.find((s) => s.name === (bestAnchor?.name ?? 'simple-peer 64 KiB'))!,
  ];
  const memory = new Map<string, { peak?: MemoryPeak; error?: string; mibps?: number }>();
  if (memorySize > 0) {
    const release = await holdLock(lock);
    const before = load();
    const rig = await startRig();
    try {
      await rig.sender.setInputFiles('#file', memoryFile);
      for (const setup of memorySetups) {
        const { result, peak } = await receiverMemoryDuring(rig, () =>
          transfer(rig, setup, memorySize, setup.contender === 'ours' ? 'count' : 'blob').catch(
            crashed,
          ),
        );
        memory.set(
          setup.name,
          result.error ? { error: result.error, peak } : { peak, mibps: rate(result, memorySize) },
        );
        console.info(`  memory, ${setup.name}: ${result.error ?? ''} ${JSON.stringify(peak)}`);
      }
    } finally {
      await rig.close();
      release();
    }
    loads.push(`memory: ${before} before, ${load()} after`);
  }
  await Promise.all([file, memoryFile].map((path) => rm(path, { force: true })));
  return reportFileTransfer({ size, memorySize, rounds, outcomes, memory, loads });
}
