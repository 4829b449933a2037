/**
 * How fast a file crosses a data channel between two peer connections in one page, with the
 * whole protocol (SHA-256 per range and per file on both sides, acks, a memory sink), beside the
 * same bytes sent raw with the same backpressure. Run by hand: `npm run measure -w @peerlab/transfer`.
 * Loopback numbers are noisy: compare within one run.
 */
import { expect, test } from 'vitest';
import { sha256OfBlob } from '../src/file-hash.ts';
import { formatBytes } from '../src/format-progress.ts';
import { channelPair } from '../src/test-support/channel-pair.ts';
import { randomFile } from '../src/test-support/files.ts';
import { acceptAll, blobOf, endsOf } from '../src/test-support/receive.ts';
import { chunkSizeFor, waterMarks } from '../src/wire-format.ts';

const MiB = 1024 * 1024;
const size = 64 * MiB;
const rounds = 3;

async function withProtocol(file: File): Promise<number> {
  const pair = await channelPair();
  const { sender, receiver } = endsOf(pair);
  const sinks = acceptAll(receiver);
  const started = performance.now();
  const { files } = await sender.offer([file]).done;
  const seconds = (performance.now() - started) / 1000;
  expect(files[0]!.outcome).toBe('complete');
  expect(await sha256OfBlob(blobOf(sinks.get(file.name)))).toBe(await sha256OfBlob(file));
  pair.close();
  return size / MiB / seconds;
}

async function raw(file: File): Promise<number> {
  const pair = await channelPair();
  const chunk = chunkSizeFor(pair.senderPc.sctp?.maxMessageSize);
  const { high, low } = waterMarks(chunk);
  pair.sending.bufferedAmountLowThreshold = low;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let received = 0;
  const all = new Promise<void>((resolve) =>
    pair.receiving.addEventListener('message', ({ data }: MessageEvent<ArrayBuffer>) => {
      received += data.byteLength;
      if (received === size) resolve();
    }),
  );
  const started = performance.now();
  for (let at = 0; at < size; at += chunk) {
    if (pair.sending.bufferedAmount > high) {
      await new Promise((resolve) =>
        pair.sending.addEventListener('bufferedamountlow', resolve, { once: true }),
      );
    }
    pair.sending.send(bytes.subarray(at, at + chunk));
  }
  await all;
  const seconds = (performance.now() - started) / 1000;
  pair.close();
  return size / MiB / seconds;
}

test(`throughput of ${formatBytes(size)} in one page`, async () => {
  const file = randomFile(size, 'measure.bin');
  const lines: string[] = [];
  for (let round = 1; round <= rounds; round++) {
    const [full, bare] = [await withProtocol(file), await raw(file)];
    lines.push(
      `round ${round}: transfer ${full.toFixed(1)} MiB/s, raw channel ${bare.toFixed(1)} MiB/s`,
    );
  }
  console.info(`${formatBytes(size)}, hashing on both sides:\n${lines.join('\n')}`);
});
