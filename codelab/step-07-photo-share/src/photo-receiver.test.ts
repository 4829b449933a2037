import { describe, expect, it, vi } from 'vitest';
import { sha256Hex, type PhotoAck, type PhotoHeader } from './photo-header.ts';
import { PhotoReceiver, type ReceivedPhoto } from './photo-receiver.ts';

/** A receiver that writes down everything it reports. */
function receiver() {
  const seen = {
    progress: [] as number[],
    photos: [] as ReceivedPhoto[],
    incomplete: [] as string[],
    acks: [] as PhotoAck[],
  };
  const photoReceiver = new PhotoReceiver({
    onProgress: (received) => seen.progress.push(received),
    onPhoto: (photo) => seen.photos.push(photo),
    onIncomplete: (reason) => seen.incomplete.push(reason),
    reply: (ack) => seen.acks.push(ack),
  });
  return { receiver: photoReceiver, seen };
}

const bytes = Uint8Array.from({ length: 10 }, (_, i) => i * 7);

async function headerFor(data: Uint8Array<ArrayBuffer>): Promise<PhotoHeader> {
  const sha256 = await sha256Hex(data);
  const size = data.byteLength;
  return { kind: 'photo', name: 'p.jpeg', type: 'image/jpeg', size, width: 2, height: 1, sha256 };
}

/** A copy of `data[start, end)` in its own ArrayBuffer, as a data channel delivers it. */
const chunk = (data: Uint8Array<ArrayBuffer>, start: number, end: number) =>
  data.slice(start, end).buffer;

/** Waits for the receiver's ack: it comes once the hash is checked (crypto.subtle is async). */
const acked = (seen: { acks: PhotoAck[] }) => vi.waitFor(() => expect(seen.acks).toHaveLength(1));

describe('PhotoReceiver', () => {
  it('puts the chunks back together, checks the hash and acks', async () => {
    const { receiver: r, seen } = receiver();
    const header = await headerFor(bytes);
    r.handle(JSON.stringify(header));
    r.handle(chunk(bytes, 0, 4));
    r.handle(chunk(bytes, 4, 8));
    r.handle(chunk(bytes, 8, 10));
    await acked(seen);
    expect(seen.progress).toEqual([4, 8, 10]);
    expect(seen.incomplete).toEqual([]);
    expect(seen.acks).toEqual([{ kind: 'ack', sha256: header.sha256, verified: true }]);
    expect(seen.photos).toHaveLength(1);
    const photo = seen.photos[0]!;
    expect(photo.header).toEqual(header);
    expect(photo.blob.type).toBe('image/jpeg');
    expect(new Uint8Array(await photo.blob.arrayBuffer())).toEqual(bytes);
  });

  it('drops a photo whose bytes do not match the hash, and says so to both sides', async () => {
    const { receiver: r, seen } = receiver();
    const header = await headerFor(bytes);
    const changed = bytes.slice();
    changed[3] = 255;
    r.handle(JSON.stringify(header));
    r.handle(chunk(changed, 0, 10));
    await acked(seen);
    expect(seen.photos).toEqual([]);
    expect(seen.acks).toEqual([{ kind: 'ack', sha256: header.sha256, verified: false }]);
    expect(seen.incomplete).toEqual(['its SHA-256 does not match: bytes changed on the way']);
  });

  it('drops a half-received photo when told the peer left', async () => {
    const { receiver: r, seen } = receiver();
    r.handle(JSON.stringify(await headerFor(bytes)));
    r.handle(chunk(bytes, 0, 4));
    r.abort('the other side left');
    r.abort('the other side left'); // nothing more to drop
    expect(seen.incomplete).toEqual(['the other side left, after 4 of 10 bytes']);
    expect(seen.photos).toEqual([]);
    expect(seen.acks).toEqual([]);
  });

  it('drops a photo that gets more bytes than announced', async () => {
    const { receiver: r, seen } = receiver();
    r.handle(JSON.stringify(await headerFor(bytes.slice(0, 6))));
    r.handle(chunk(bytes, 0, 4));
    r.handle(chunk(bytes, 4, 10));
    expect(seen.incomplete).toEqual([
      'more bytes arrived than the header announced, after 10 of 6 bytes',
    ]);
    expect(seen.photos).toEqual([]);
  });

  it('refuses bytes without a header, and a header that does not check out', () => {
    const { receiver: r, seen } = receiver();
    r.handle(chunk(bytes, 0, 4));
    r.handle(JSON.stringify({ kind: 'photo', name: 'p.jpeg' }));
    r.handle('not json');
    expect(seen.incomplete).toHaveLength(3);
    expect(seen.incomplete[0]).toBe('bytes arrived without a header');
    expect(seen.incomplete[1]).toMatch(/^not a photo header: /);
  });

  it('lets an ack for our own photo pass between the chunks of theirs', async () => {
    const { receiver: r, seen } = receiver();
    r.handle(JSON.stringify(await headerFor(bytes)));
    r.handle(chunk(bytes, 0, 5));
    r.handle(JSON.stringify({ kind: 'ack', sha256: 'cd'.repeat(32), verified: true }));
    r.handle(chunk(bytes, 5, 10));
    await acked(seen);
    expect(seen.incomplete).toEqual([]);
    expect(seen.photos).toHaveLength(1);
  });

  it('drops the photo under way when a new header comes before its last byte', async () => {
    const { receiver: r, seen } = receiver();
    const header = await headerFor(bytes);
    r.handle(JSON.stringify(header));
    r.handle(chunk(bytes, 0, 5));
    r.handle(JSON.stringify(header));
    r.handle(chunk(bytes, 0, 10));
    await acked(seen);
    expect(seen.incomplete).toEqual([
      'a new photo started before this one was complete, after 5 of 10 bytes',
    ]);
    expect(seen.photos).toHaveLength(1);
  });
});
