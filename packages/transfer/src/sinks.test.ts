import { afterEach, describe, expect, test } from 'vitest';
import { MemorySink } from './memory-sink.ts';
import { OpfsFolder } from './opfs-folder.ts';
import { channelPair, type ChannelPair } from './test-support/channel-pair.ts';
import { randomFile } from './test-support/files.ts';
import { acceptAll, endsOf } from './test-support/receive.ts';
import { TransferError } from './transfer-error.ts';

let pair: ChannelPair | undefined;
afterEach(() => pair?.close());

const MiB = 1024 * 1024;

describe('MemorySink', () => {
  test('builds the file from writes at their offsets, a rewrite included', () => {
    const sink = new MemorySink(1024, 'text/plain');
    sink.write(0, new TextEncoder().encode('hello '));
    sink.write(6, new TextEncoder().encode('wxrld'));
    sink.write(6, new TextEncoder().encode('world'));
    sink.close();
    expect(sink.blob?.size).toBe(11);
    expect(sink.blob?.type).toBe('text/plain');
  });

  test('a write past its limit throws a too-large TransferError', () => {
    const sink = new MemorySink(1000);
    sink.write(0, new Uint8Array(1000));
    let thrown: unknown;
    try {
      sink.write(1000, new Uint8Array(1));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TransferError);
    expect(thrown).toMatchObject({ code: 'too-large', details: { needed: 1001, available: 1000 } });
  });

  test('MemorySink.for refuses a file over the limit before any byte, and the sender hears why', async () => {
    expect(() => MemorySink.for({ path: 'big.iso', size: 2 * MiB }, MiB)).toThrow(
      /"big.iso" needs 2.00 MiB, over the 1.00 MiB a file may take in memory/,
    );
    pair = await channelPair();
    const { sender, receiver } = endsOf(pair);
    acceptAll(receiver, (file) => MemorySink.for(file, MiB));
    const { files } = await sender.offer([randomFile(2 * MiB, 'big.iso'), randomFile(10, 'ok.txt')])
      .done;
    expect(files.map((f) => [f.outcome, f.error?.code])).toEqual([
      ['declined', 'too-large'],
      ['complete', undefined],
    ]);
  });
});

describe('OpfsFolder', () => {
  test('the real estimate has room for a small file; a sink writes at offsets', async () => {
    const folder = await OpfsFolder.open('sink-test');
    await folder.clear();
    const target = { path: 'dir/a.txt', size: 11, resumeFrom: 0 };
    await folder.checkSpace([target]);
    const sink = folder.sink(target);
    await sink.write(6, new TextEncoder().encode('world'));
    await sink.write(0, new TextEncoder().encode('hello '));
    await sink.close();
    expect(await (await folder.file('dir/a.txt')).text()).toBe('hello world');
    const doomed = folder.sink({ path: 'b.txt', size: 3, resumeFrom: 0 });
    await doomed.write(0, new Uint8Array(3));
    await doomed.abort();
    await expect(folder.file('b.txt')).rejects.toThrow();
    await folder.clear();
  });

  // The quota is simulated: the estimate is injected, since the real one is the size of the disk.
  test('not enough space: the receiver declines, says how much is needed, writes nothing', async () => {
    const quota = { quota: 100 * MiB, usage: 90 * MiB };
    const folder = await OpfsFolder.open('space-test', async () => quota);
    await folder.clear();
    pair = await channelPair();
    const { sender, receiver } = endsOf(pair);
    let refused: TransferError | undefined;
    receiver.on('offer', async (offer) => {
      try {
        await folder.checkSpace(offer.files);
        await offer.answer((file) => folder.sink(file));
      } catch (error) {
        refused = error as TransferError;
        offer.decline(refused);
      }
    });
    const file = randomFile(16 * MiB, 'video.mp4');
    const { files } = await sender.offer([file]).done;
    expect(files[0]).toMatchObject({ outcome: 'declined', error: { code: 'not-enough-space' } });
    expect(refused).toMatchObject({
      code: 'not-enough-space',
      details: { needed: 16 * MiB, available: 10 * MiB },
    });
    expect(refused?.message).toBe(
      'Not enough space: these files need 16.0 MiB (16777216 bytes) and this site may use only ' +
        '10.0 MiB more. Nothing was written.',
    );
    expect(await folder.names()).toEqual([]);
    expect(sender.bytesSent).toBe(0);
  });
});
