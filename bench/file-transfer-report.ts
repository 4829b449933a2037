import type { MemoryPeak } from './file-transfer-memory.ts';
import type { BenchRow, BenchSuite } from './report.ts';
import { median, round } from './stats.ts';

const MiB = 1024 * 1024;

export interface Outcome {
  mibps: number[];
  errors: string[];
}

export interface MemoryOutcome {
  peak?: MemoryPeak;
  error?: string;
  mibps?: number;
}

interface Measured {
  size: number;
  memorySize: number;
  rounds: number;
  outcomes: Map<string, Outcome>;
  memory: Map<string, MemoryOutcome>;
  loads: string[];
}

export function bestOf(outcomes: Map<string, Outcome>, test: (name: string) => boolean) {
  let best: { name: string; mibps: number } | undefined;
  for (const [name, { mibps }] of outcomes) {
    if (!test(name) || mibps.length === 0) continue;
    const value = median(mibps);
    if (!best || value > best.mibps) best = { name, mibps: value };
  }
  return best;
}

const OURS = 'ours (SHA-256 + OPFS)';
const isAnchor = (name: string) => name.startsWith('simple-peer') || name.startsWith('PeerJS');
const mib = (bytes: number) => round(bytes / MiB, 1);

/** The table: ours against the raw ceiling and the best anchor (the goals), then each configuration. */
export function reportFileTransfer(measured: Measured): BenchSuite {
  const { size, memorySize, rounds, outcomes, memory, loads } = measured;
  const ours = outcomes.get(OURS);
  const oursMibps = ours && ours.mibps.length > 0 ? round(median(ours.mibps)) : Number.NaN;
  const raw = bestOf(outcomes, (name) => name.startsWith('raw'));
  const anchor = bestOf(outcomes, isAnchor);
  const unit = 'MiB/s';
  const rows: BenchRow[] = [];
  if (raw) {
    rows.push({
      metric: `${size / MiB} MiB: ours vs the raw data channel (its best, ${raw.name})`,
      ours: oursMibps,
      anchor: round(raw.mibps),
      unit,
      goal: { op: '>=', value: 0.9, of: 'anchor' },
    });
  }
  if (anchor) {
    rows.push({
      metric: `${size / MiB} MiB: ours vs the best anchor configuration (${anchor.name})`,
      ours: oursMibps,
      anchor: round(anchor.mibps),
      unit,
      goal: { op: '>=', value: 1, of: 'anchor' },
    });
  }
  for (const [name, outcome] of outcomes) {
    if (name === OURS) continue;
    const row: BenchRow = { metric: `${size / MiB} MiB: ours vs ${name}`, ours: oursMibps, unit };
    if (outcome.mibps.length > 0) row.anchor = round(median(outcome.mibps));
    if (outcome.errors.length > 0) {
      row.note = `failed in ${outcome.errors.length} of ${rounds} rounds: ${[...new Set(outcome.errors)].join('; ')}`;
    }
    rows.push(row);
  }
  const [oursMemory, anchorMemory] = [...memory.entries()];
  if (oursMemory?.[1].peak) {
    const anchorPeak = anchorMemory?.[1].peak;
    const anchorName = anchorMemory ? `${anchorMemory[0]} collecting chunks into a Blob` : '';
    const note = anchorMemory?.[1].error
      ? `${anchorName} failed: ${anchorMemory[1].error}`
      : undefined;
    const memoryRow = (what: string, key: keyof MemoryPeak, goal?: number): BenchRow => ({
      metric: `${memorySize / MiB} MiB, receiver ${what} above idle, peak (vs ${anchorName})`,
      ours: mib(oursMemory[1].peak![key]),
      ...(anchorPeak && { anchor: mib(anchorPeak[key]) }),
      unit: 'MiB',
      ...(goal && { goal: { op: '<=' as const, value: goal } }),
      ...(note && { note }),
    });
    rows.push(memoryRow('renderer RSS', 'rendererRss', 64));
    rows.push(memoryRow('JS heap', 'jsHeap', 64));
    rows.push(memoryRow('RSS of all its processes', 'allRss'));
    rows.push({
      metric: `${memorySize / MiB} MiB during the memory run: rate (vs ${anchorName})`,
      ours: round(oursMemory[1].mibps ?? Number.NaN),
      ...(anchorMemory?.[1].mibps && { anchor: round(anchorMemory[1].mibps) }),
      unit,
    });
  }
  const perRound = [
    `| configuration | ${Array.from({ length: rounds }, (_, i) => `round ${i + 1}`).join(' | ')} | median |`,
    `| --- |${' ---: |'.repeat(rounds + 1)}`,
    ...[...outcomes].map(([name, { mibps, errors }]) => {
      const cells = [...mibps.map((v) => v.toFixed(1)), ...errors.map(() => 'failed')];
      const mid = mibps.length > 0 ? median(mibps).toFixed(1) : '—';
      return `| ${name} | ${cells.join(' | ')} | ${mid} |`;
    }),
  ].join('\n');
  return {
    name: 'file-transfer',
    title: `File transfer between two headless Chromiums on loopback: ${size / MiB} MiB throughput, ${memorySize / MiB} MiB receiver memory`,
    anchor:
      'the raw RTCDataChannel (no protocol, no hashing, no disk) at 16, 64 and 256 KiB chunks; ' +
      'simple-peer 9 and PeerJS 1.5 from npm at 64 and 256 KiB chunks (16 KiB was their slowest ' +
      'in every trial run) and as their docs show; the same file bytes for all, in the same run.',
    rows,
    samples: Object.fromEntries(
      [...outcomes].map(([name, { mibps }]) => [name, mibps.map((v) => round(v, 2))]),
    ),
    sections: [
      { title: `MiB/s of every configuration, ${rounds} interleaved rounds`, markdown: perRound },
      { title: 'How it was measured', markdown: HOW },
      {
        title: "The machine's load (1 / 5 / 15-minute load averages)",
        markdown: loads.map((l) => `- ${l}`).join('\n'),
      },
    ],
  };
}

const HOW = `- Two headless Debian Chromiums (\`launchPersistentContext\`, each with its own profile folder on
  disk: OPFS there has a quota of gigabytes, an incognito context far less), flags
  \`--allow-loopback-in-peer-connection\` and \`--disable-features=WebRtcHideLocalIpsWithMdns\`, one
  sending page and one receiving page served from 127.0.0.1. Their peer connections meet on
  loopback (host candidates, no STUN/TURN).
- Signaling goes through a small relay in the benchmark (Playwright \`exposeBinding\`), and for
  PeerJS through a PeerServer (npm \`peer\`) on 127.0.0.1; it is not what is measured: every run
  makes a new connection first, and the clock starts on the receiver only once bytes come.
- The file is random bytes written to disk by the benchmark and picked through the sending page's
  \`<input type=file>\` (a File read from disk), the same bytes for every configuration.
- Clock, on the receiving page: ours from accepting the offer to the \`file\` event of a complete
  file (every 1 MiB range and the whole file checked with SHA-256 on both sides, written to OPFS
  through a sync access handle in a worker as the demo does, the sink closed); the others from
  the first byte to the last byte received. The anchors' receivers only count the bytes in the throughput runs.
- raw: the file read into memory before the clock starts, sent in chunks with the same water marks
  as ours (\`waterMarks\` in packages/transfer/src/wire-format.ts). simple-peer: \`write()\` with its
  \`drain\` (its own backpressure), the File read in 4 MiB blocks; as documented, \`file.stream()\`
  piped in, pieces as Chromium cuts them. PeerJS: \`raw\` serialization, every chunk handed to
  \`send()\` (it queues and polls \`bufferedAmount\` itself); as documented, \`conn.send(file)\` with the
  default \`binary\` serialization.
- Memory: the receiving Chromium sampled once a second: VmRSS (from /proc/<pid>/status) of its
  renderer processes and of all its processes, and the page's JS heap (CDP \`Runtime.getHeapUsage\`);
  peak minus idle (idle after a garbage collection, before the connection). The anchor keeps every
  chunk and makes one Blob at the end, as their docs and demos do.
- Medians of the rounds; configurations interleaved (round 1 of all, then round 2…).`;
