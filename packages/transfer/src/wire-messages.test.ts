import { describe, expect, test } from 'vitest';
import { chunkSizeFor, decodeChunk, encodeChunk, HEADER_BYTES, waterMarks } from './wire-format.ts';
import { parseMessage } from './wire-messages.ts';

const sha = 'ab'.repeat(32);
const file = { fileId: 1, path: 'a.txt', size: 10, lastModified: 1, mime: 'text/plain' };

describe('parseMessage', () => {
  test('accepts every kind of message', () => {
    const messages = [
      { type: 'offer', v: 1, offerId: 1, rangeBytes: 1 << 20, files: [file] },
      { type: 'range', fileId: 1, index: 0, sha256: sha },
      { type: 'end', fileId: 1, sha256: sha },
      {
        type: 'answer',
        offerId: 1,
        files: [
          { fileId: 1, from: 0 },
          { fileId: 2, declined: 'too-large' },
        ],
      },
      { type: 'ack', fileId: 1, verified: 1 << 20 },
      { type: 'retry', fileId: 1, from: 0 },
      { type: 'received', fileId: 1 },
      { type: 'cancel', code: 'cancelled' },
      { type: 'cancel', fileId: 3, code: 'not-enough-space' },
    ];
    for (const message of messages) {
      expect(parseMessage(JSON.stringify(message)), JSON.stringify(message)).toMatchObject({
        ok: true,
      });
    }
  });

  test('refuses what a hostile peer would send, and says which field', () => {
    const hostile = [
      'null',
      '"offer"',
      '[]',
      '{}',
      JSON.stringify({ type: 'offer', v: 2, offerId: 1, rangeBytes: 1 << 20, files: [file] }),
      JSON.stringify({ type: 'offer', v: 1, offerId: 1, rangeBytes: 1000, files: [file] }),
      JSON.stringify({ type: 'offer', v: 1, offerId: 1, rangeBytes: 1 << 30, files: [file] }),
      JSON.stringify({ type: 'offer', v: 1, offerId: 1, rangeBytes: 1 << 20, files: [] }),
      JSON.stringify({
        type: 'offer',
        v: 1,
        offerId: 1,
        rangeBytes: 1 << 20,
        files: [{ ...file, size: -1 }],
      }),
      JSON.stringify({
        type: 'offer',
        v: 1,
        offerId: 1,
        rangeBytes: 1 << 20,
        files: [{ ...file, path: '' }],
      }),
      JSON.stringify({
        type: 'offer',
        v: 1,
        offerId: 1,
        rangeBytes: 1 << 20,
        files: [{ ...file, x: 1 }],
      }),
      JSON.stringify({ type: 'range', fileId: 1, index: 0.5, sha256: sha }),
      JSON.stringify({ type: 'range', fileId: 2 ** 32, index: 0, sha256: sha }),
      JSON.stringify({ type: 'end', fileId: 1, sha256: 'AB'.repeat(32) }),
      JSON.stringify({ type: 'cancel', code: 'reasons' }),
      JSON.stringify({
        type: 'answer',
        offerId: 1,
        files: [{ fileId: 1, from: 0, declined: 'declined' }],
      }),
      JSON.stringify({ type: 'eval', code: 'alert(1)' }),
    ];
    for (const text of hostile) expect(parseMessage(text).ok, text).toBe(false);
    expect(parseMessage('{')).toEqual({ ok: false, reason: 'a text message that is not JSON' });
    expect(parseMessage(JSON.stringify({ type: 'ack', fileId: 1, verified: -1 }))).toMatchObject({
      reason: expect.stringMatching(/^"verified": /),
    });
  });
});

describe('chunks', () => {
  test('a chunk carries its file id and an offset beyond 4 GiB', () => {
    const payload = new Uint8Array([1, 2, 3]);
    const message = encodeChunk(7, 5 * 2 ** 32 + 9, payload);
    expect(message.byteLength).toBe(HEADER_BYTES + 3);
    const chunk = decodeChunk(message.buffer);
    expect(chunk).toMatchObject({ fileId: 7, offset: 5 * 2 ** 32 + 9 });
    expect([...chunk!.payload]).toEqual([1, 2, 3]);
  });

  test('refuses a message no sender makes', () => {
    expect(decodeChunk(new ArrayBuffer(HEADER_BYTES))).toBeUndefined();
    expect(decodeChunk(new ArrayBuffer(300 * 1024))).toBeUndefined();
    const past = encodeChunk(1, 0, new Uint8Array(1));
    new DataView(past.buffer).setUint32(4, 2 ** 21); // an offset past 2^53
    expect(decodeChunk(past.buffer)).toBeUndefined();
  });

  test('the chunk size follows maxMessageSize within 16 KiB..256 KiB', () => {
    expect(chunkSizeFor(null)).toBe(16 * 1024);
    expect(chunkSizeFor(1000)).toBe(16 * 1024);
    expect(chunkSizeFor(65_536)).toBe(65_536);
    expect(chunkSizeFor(262_144)).toBe(262_144);
    expect(chunkSizeFor(1_073_741_823)).toBe(262_144);
    expect(chunkSizeFor(Infinity)).toBe(16 * 1024);
    expect(waterMarks(262_144)).toEqual({ high: 2 * 1024 * 1024, low: 512 * 1024 });
  });
});
