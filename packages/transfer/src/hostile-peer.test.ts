import { afterEach, describe, expect, test } from 'vitest';
import { sha256OfBlob } from './file-hash.ts';
import { OpfsFolder } from './opfs-folder.ts';
import { MAX_RETRIES } from './receiving-file.ts';
import { channelPair, type ChannelPair } from './test-support/channel-pair.ts';
import { nextEvent, randomFile } from './test-support/files.ts';
import { acceptAll, blobOf, endsOf } from './test-support/receive.ts';
import type { TransferError } from './transfer-error.ts';
import type { FileResult } from './transfer-results.ts';
import { encodeChunk } from './wire-format.ts';

let pair: ChannelPair | undefined;
afterEach(() => pair?.close());
async function connected() {
  pair = await channelPair();
  return { pair, ...endsOf(pair) };
}

/** Flips one byte of the binary messages `corrupt` picks, on their way out. */
function corruptChunks(channel: RTCDataChannel, corrupt: (index: number) => boolean): void {
  const send = channel.send.bind(channel) as (data: Uint8Array<ArrayBuffer>) => void;
  let index = 0;
  channel.send = ((data: string | Uint8Array<ArrayBuffer>) => {
    if (typeof data !== 'string' && corrupt(index++)) {
      const copy = data.slice();
      copy[copy.length - 1]! ^= 0xff;
      return send(copy);
    }
    return send(data as Uint8Array<ArrayBuffer>);
  }) as RTCDataChannel['send'];
}

describe('a peer that cannot be trusted', () => {
  test('hostile file names arrive as safe relative paths inside the folder', async () => {
    const { sender, receiver } = await connected();
    const folder = await OpfsFolder.open('hostile-names');
    await folder.clear();
    acceptAll(receiver, (file) => folder.sink(file));
    const names = [
      '../../../etc/passwd',
      'C:\\Windows\\System32\\drivers\\etc\\hosts',
      '/absolute/path.txt',
      '<img src=x onerror=alert(1)>.png',
      'CON.txt',
      'invoice\u202Egpj.exe',
      'tab\there\u0000nul.txt',
      '..',
      'a/../../b.txt',
      'a/../../b.txt',
    ];
    const items = names.map((path, i) => ({ file: randomFile(100 + i), path }));
    const received = nextEvent(receiver, 'done');
    await sender.offer(items).done;
    const result = await received;
    expect(result.files.map((f: FileResult) => f.path)).toEqual([
      'etc/passwd',
      'Windows/System32/drivers/etc/hosts',
      'absolute/path.txt',
      '_img src=x onerror=alert(1)_.png',
      '_CON.txt',
      'invoicegpj.exe',
      'tabherenul.txt',
      'unnamed',
      'a/b.txt',
      'a/b (2).txt',
    ]);
    expect(result.files.every((f: FileResult) => f.outcome === 'complete')).toBe(true);
    const stored = await folder.file('a/b (2).txt');
    expect(await sha256OfBlob(stored)).toBe(await sha256OfBlob(items[9]!.file));
    await folder.clear();
  });

  test('bad messages give typed errors and do not break the transfer under way', async () => {
    const { sender, receiver, pair } = await connected();
    const sinks = acceptAll(receiver);
    const file = randomFile(6 * 1024 * 1024);
    const refusedHere: TransferError[] = [];
    const refusedThere: TransferError[] = [];
    receiver.on('error', (error) => refusedHere.push(error));
    sender.on('error', (error) => refusedThere.push(error));
    const uncaught: unknown[] = [];
    const onUncaught = (event: Event) => uncaught.push(event);
    window.addEventListener('error', onUncaught);
    window.addEventListener('unhandledrejection', onUncaught);
    const offer = sender.offer([file]);
    await nextEvent(receiver, 'progress');
    const hostile: (string | Uint8Array<ArrayBuffer>)[] = [
      'not json {',
      JSON.stringify({
        type: 'offer',
        v: 1,
        offerId: offer.offerId,
        rangeBytes: 1 << 20,
        files: [],
      }),
      JSON.stringify({ type: 'range', fileId: 1, index: -1, sha256: 'x' }),
      JSON.stringify({ type: 'end', fileId: 4242, sha256: '0'.repeat(64) }),
      JSON.stringify({ type: 'cancel', code: 'because I say so' }),
      JSON.stringify({ type: 'ack', fileId: 1, verified: 0 }),
      JSON.stringify({ __proto__: { type: 'cancel' } }),
      new Uint8Array([1, 2, 3]),
      encodeChunk(4242, 0, new Uint8Array(10)),
      encodeChunk(1, 12_345, new Uint8Array(10)),
    ];
    for (const message of hostile) pair.sending.send(message as string);
    pair.receiving.send(JSON.stringify({ type: 'ack', fileId: 1, verified: -1 }));
    pair.receiving.send(JSON.stringify({ type: 'retry', fileId: 999, from: 0 }));
    const result = await offer.done;
    window.removeEventListener('error', onUncaught);
    window.removeEventListener('unhandledrejection', onUncaught);
    expect(result.files[0]).toMatchObject({ outcome: 'complete' });
    expect(await sha256OfBlob(blobOf(sinks.get('random.bin')))).toBe(await sha256OfBlob(file));
    expect(refusedHere).toHaveLength(hostile.length);
    expect(refusedThere).toHaveLength(2);
    for (const error of [...refusedHere, ...refusedThere]) {
      expect(error).toMatchObject({ name: 'TransferError', code: 'bad-message' });
      expect(error.message).toMatch(/^The (sender|receiver) sent .+; it was ignored\.$/);
    }
    expect(refusedHere[0]!.message).toBe(
      'The sender sent a text message that is not JSON; it was ignored.',
    );
    expect(uncaught).toEqual([]);
  });

  test('a damaged chunk fails its range digest, and the sender goes back to that range', async () => {
    const { sender, receiver, pair } = await connected();
    const sinks = acceptAll(receiver);
    const MiB = 1024 * 1024;
    const chunksPerRange = Math.ceil(MiB / (pair.senderPc.sctp!.maxMessageSize - 12));
    corruptChunks(pair.sending, (index) => index === 10 * chunksPerRange + 2); // in range 10
    const complaint = nextEvent(receiver, 'error');
    const file = randomFile(16 * MiB);
    const result = await sender.offer([file]).done;
    expect(result.files[0]).toMatchObject({ outcome: 'complete' });
    expect(await complaint).toMatchObject({ code: 'hash-mismatch' });
    expect(await sha256OfBlob(blobOf(sinks.get('random.bin')))).toBe(await sha256OfBlob(file));
    // Range 10 again, and what was in flight after it; never the ten ranges before it.
    const again = sender.bytesSent - file.size;
    expect(again).toBeGreaterThanOrEqual(MiB);
    expect(again).toBeLessThanOrEqual(6 * MiB);
  });

  test('a range damaged every time fails the file clearly on both sides', async () => {
    const { sender, receiver, pair } = await connected();
    acceptAll(receiver);
    corruptChunks(pair.sending, () => true);
    const theirs = nextEvent(receiver, 'file');
    const result = await sender.offer([randomFile(300_000)]).done;
    expect(result.files[0]).toMatchObject({ outcome: 'failed', error: { code: 'hash-mismatch' } });
    expect(await theirs).toMatchObject({ outcome: 'failed', error: { code: 'hash-mismatch' } });
    expect(sender.bytesSent).toBe(300_000 * (MAX_RETRIES + 1));
  });
});
