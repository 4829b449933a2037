import { afterEach, describe, expect, test } from 'vitest';
import { channelPair, type ChannelPair } from './test-support/channel-pair.ts';
import { nextEvent, randomFile } from './test-support/files.ts';
import { acceptAll, blobOf, endsOf } from './test-support/receive.ts';
import { MemorySink } from './memory-sink.ts';
import type { FileResult } from './transfer-results.ts';

let pair: ChannelPair | undefined;
afterEach(() => pair?.close());
async function connected() {
  pair = await channelPair();
  return endsOf(pair);
}

const BIG = 32 * 1024 * 1024;

describe('declining and cancelling', () => {
  test('the receiver declines some files of an offer and takes the others', async () => {
    const { sender, receiver } = await connected();
    const files = [
      randomFile(1000, 'keep.txt'),
      randomFile(2000, 'skip.exe'),
      randomFile(3, 'b.txt'),
    ];
    const sinks = acceptAll(receiver, (file) =>
      file.path.endsWith('.exe') ? null : MemorySink.for(file),
    );
    const answered = nextEvent(sender, 'answer');
    const { files: results } = await sender.offer(files).done;
    expect((await answered).accepted).toEqual(['keep.txt', 'b.txt']);
    expect(results.map((r) => [r.path, r.outcome, r.error?.code])).toEqual([
      ['keep.txt', 'complete', undefined],
      ['skip.exe', 'declined', 'declined'],
      ['b.txt', 'complete', undefined],
    ]);
    expect(results[1]!.error?.message).toBe('The other side declined "skip.exe".');
    expect(blobOf(sinks.get('keep.txt')).size).toBe(1000);
  });

  test('declining a whole offer', async () => {
    const { sender, receiver } = await connected();
    receiver.on('offer', (offer) => offer.decline());
    const received = nextEvent(receiver, 'done');
    const { files } = await sender.offer([randomFile(10, 'a'), randomFile(10, 'b')]).done;
    expect(files.map((f) => f.outcome)).toEqual(['declined', 'declined']);
    expect((await received).files.map((f: FileResult) => f.error?.message)).toEqual([
      'You declined "a".',
      'You declined "b".',
    ]);
  });

  test('the sender cancels mid-file: the receiver stops and throws the bytes away', async () => {
    const { sender, receiver } = await connected();
    const sinks = acceptAll(receiver);
    const offer = sender.offer([randomFile(BIG, 'big.bin')]);
    await nextEvent(receiver, 'progress');
    const ended = nextEvent(receiver, 'file');
    offer.cancel();
    const mine = (await offer.done).files[0]!;
    expect(mine).toMatchObject({ outcome: 'cancelled', error: { code: 'cancelled' } });
    expect(mine.error?.details.byPeer).toBeUndefined();
    const theirs: FileResult = await ended;
    expect(theirs).toMatchObject({ outcome: 'cancelled', error: { code: 'cancelled' } });
    expect(theirs.error?.details.byPeer).toBe(true);
    expect(theirs.error?.message).toBe('The other side cancelled "big.bin".');
    expect((sinks.get('big.bin') as MemorySink).blob).toBeUndefined();
    expect(sender.bytesSent).toBeLessThan(BIG);
  });

  test('the receiver cancels mid-file: the sender stops sending', async () => {
    const { sender, receiver } = await connected();
    acceptAll(receiver);
    receiver.once('progress', ({ offerId }) => receiver.cancel(offerId));
    const theirs = nextEvent(receiver, 'file');
    const mine = (await sender.offer([randomFile(BIG, 'big.bin')]).done).files[0]!;
    expect(mine).toMatchObject({ outcome: 'cancelled', error: { code: 'cancelled' } });
    expect(mine.error?.details.byPeer).toBe(true);
    expect(await theirs).toMatchObject({ outcome: 'cancelled' });
    const sent = sender.bytesSent;
    expect(sent).toBeLessThan(BIG);
    // Nothing more of it goes out: a file offered next is the only thing sent from now on.
    await sender.offer([randomFile(10, 'next.txt')]).done;
    expect(sender.bytesSent).toBe(sent + 10);
  });
});
