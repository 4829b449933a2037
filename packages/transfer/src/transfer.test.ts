import { afterEach, describe, expect, test } from 'vitest';
import { sha256OfBlob } from './file-hash.ts';
import { OpfsFolder } from './opfs-folder.ts';
import type { TransferProgress } from './progress-meter.ts';
import { channelPair, type ChannelPair } from './test-support/channel-pair.ts';
import { inFolder, randomFile } from './test-support/files.ts';
import { acceptAll, blobOf, endsOf } from './test-support/receive.ts';
import { TransferError } from './transfer-error.ts';
import { TransferSender } from './transfer-sender.ts';
import type { FileResult } from './transfer-results.ts';

const pairs: ChannelPair[] = [];
afterEach(() => pairs.splice(0).forEach((pair) => pair.close()));
async function connected() {
  const pair = await channelPair();
  pairs.push(pair);
  return { pair, ...endsOf(pair) };
}

describe('a transfer between two real peer connections', () => {
  test('a 9 MiB file arrives with the same SHA-256, in chunks sized by maxMessageSize', async () => {
    const { sender, receiver, pair } = await connected();
    const file = randomFile(9 * 1024 * 1024 + 12_345);
    const sinks = acceptAll(receiver);
    const progress: TransferProgress[] = [];
    receiver.on('progress', (p) => progress.push(p));
    const sizes = new Set<number>();
    pair.receiving.addEventListener('message', ({ data }) => {
      if (data instanceof ArrayBuffer) sizes.add(data.byteLength);
    });
    const result = await sender.offer([file]).done;
    expect(result.files).toEqual([
      expect.objectContaining({ path: 'random.bin', outcome: 'complete' }),
    ]);
    expect(await sha256OfBlob(blobOf(sinks.get('random.bin')))).toBe(await sha256OfBlob(file));
    expect(pair.senderPc.sctp?.maxMessageSize).toBe(256 * 1024);
    // Each 1 MiB range goes in five equal messages of at most maxMessageSize.
    expect(Math.max(...sizes)).toBe(Math.ceil((1024 * 1024) / 5) + 12);
    expect(sender.bytesSent).toBe(file.size);
    expect(progress.at(-1)).toMatchObject({ done: file.size, total: file.size, secondsLeft: 0 });
    expect(progress.some((p) => p.bytesPerSecond > 0)).toBe(true);
  });

  test('a folder of 50 small files arrives in OPFS with its relative paths', async () => {
    const { sender, receiver } = await connected();
    const folder = await OpfsFolder.open('folder-test');
    await folder.clear();
    const files = Array.from({ length: 50 }, (_, i) =>
      inFolder(randomFile(i * 997, `f${i}.bin`), `photos/${i % 5 === 0 ? 'raw/' : ''}f${i}.bin`),
    );
    acceptAll(receiver, (file) => folder.sink(file));
    const seen: FileResult[] = [];
    receiver.on('file', (result) => seen.push(result));
    const result = await sender.offer(files).done;
    expect(result.files.map((f) => f.outcome)).toEqual(Array(50).fill('complete'));
    expect(seen.map((f) => f.path)).toEqual(files.map((f) => f.webkitRelativePath));
    for (const file of [files[0]!, files[5]!, files[49]!]) {
      const stored = await folder.file(file.webkitRelativePath);
      expect(stored.size).toBe(file.size);
      expect(await sha256OfBlob(stored)).toBe(await sha256OfBlob(file));
    }
    await folder.clear();
  });

  test('one sender object per peer: the same file goes to two receivers at once', async () => {
    const file = randomFile(3 * 1024 * 1024 + 1);
    const peers = await Promise.all([connected(), connected()]);
    const sinks = peers.map(({ receiver }) => acceptAll(receiver));
    const results = await Promise.all(peers.map(({ sender }) => sender.offer([file]).done));
    expect(results.map((r) => r.files[0]!.outcome)).toEqual(['complete', 'complete']);
    const digest = await sha256OfBlob(file);
    for (const received of sinks)
      expect(await sha256OfBlob(blobOf(received.get('random.bin')))).toBe(digest);
  });

  test('an offer that cannot go in one message is refused at once, with a typed error', async () => {
    const { sender } = await connected();
    expect(() => sender.offer([])).toThrow(TransferError);
    const many = Array.from({ length: 3000 }, (_, i) => ({
      file: new Blob(),
      path: `folder/${i}-${'x'.repeat(40)}.txt`,
    }));
    expect(() => sender.offer(many)).toThrow(/must fit in one message \(262144 bytes here\)/);
  });

  test('an offer on a channel that closed ends as interrupted, not in silence', async () => {
    const pair = await channelPair();
    pairs.push(pair);
    pair.close();
    const sender = new TransferSender(pair.sending);
    const done = await sender.offer([randomFile(10)]).done;
    expect(done.files[0]).toMatchObject({
      outcome: 'interrupted',
      error: { code: 'channel-closed' },
    });
  });
});
