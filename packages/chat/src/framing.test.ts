import { describe, expect, test } from 'vitest';
import {
  ChunkAssembler,
  chunkSizeFor,
  encodeFrame,
  HEADER_BYTES,
  MAX_CHUNK_BYTES,
} from './framing.ts';

/** What a data channel would deliver: text as it is, bytes as an ArrayBuffer. */
const asReceived = (piece: string | Uint8Array) =>
  typeof piece === 'string' ? piece : piece.slice().buffer;

function roundTrip(json: string, chunkSize: number, order?: (n: number) => number[]) {
  const pieces = encodeFrame(json, chunkSize, 7);
  if (pieces.length === 1) return { pieces, text: pieces[0] as string };
  const assembler = new ChunkAssembler(16 * 1024 * 1024);
  let text: string | undefined;
  for (const index of order?.(pieces.length) ?? pieces.map((_, i) => i)) {
    text = assembler.add(asReceived(pieces[index]!) as ArrayBuffer) ?? text;
  }
  return { pieces, text };
}

describe('framing', () => {
  test('chunk sizes follow maxMessageSize, capped at 64 KiB', () => {
    expect(chunkSizeFor(262_144)).toBe(MAX_CHUNK_BYTES);
    expect(chunkSizeFor(16_000)).toBe(16_000);
    expect(chunkSizeFor(undefined)).toBe(16 * 1024);
  });

  test('a frame that fits goes as one text message', () => {
    expect(encodeFrame('{"a":1}', 1024, 1)).toEqual(['{"a":1}']);
  });

  test('a 1 MB frame of mixed scripts comes back whole, and no chunk is over the size', () => {
    const text = 'héllo wörld ✓ 你好 🙂 '.repeat(40_000); // ~1 MB of UTF-8, surrogate pairs too
    const json = JSON.stringify({ text });
    const { pieces, text: back } = roundTrip(json, MAX_CHUNK_BYTES);
    expect(pieces.length).toBeGreaterThan(16);
    for (const piece of pieces)
      expect((piece as Uint8Array).byteLength).toBeLessThanOrEqual(MAX_CHUNK_BYTES);
    expect(back).toBe(json);
  });

  test('chunks may arrive in any order (an unordered channel)', () => {
    const json = JSON.stringify({ text: 'x'.repeat(100_000) });
    const reversed = (n: number) => [...Array(n).keys()].reverse();
    expect(roundTrip(json, 16 * 1024, reversed).text).toBe(json);
  });

  test('refuses chunks no honest peer sends', () => {
    const chunk = (id: number, index: number, count: number, payload = 10) => {
      const bytes = new Uint8Array(HEADER_BYTES + payload);
      const view = new DataView(bytes.buffer);
      view.setUint32(0, id);
      view.setUint32(4, index);
      view.setUint32(8, count);
      return bytes.buffer;
    };
    const assembler = new ChunkAssembler(64 * 1024);
    expect(() => assembler.add(new ArrayBuffer(4))).toThrow(RangeError);
    expect(() => assembler.add(chunk(1, 5, 5))).toThrow(RangeError);
    expect(() => assembler.add(chunk(1, 0, 1))).toThrow(RangeError);
    expect(() => assembler.add(chunk(1, 0, 1_000_000))).toThrow(RangeError);
    assembler.add(chunk(2, 0, 3));
    expect(() => assembler.add(chunk(2, 1, 4))).toThrow(/changed its chunk count/);
    // Over the frame cap: a peer cannot make us hold more than maxFrameBytes per transfer.
    expect(() => {
      for (let i = 0; i < 64; i++) assembler.add(chunk(3, i, 64, 2048));
    }).toThrow(/over 65536 bytes/);
  });

  test('keeps only a few transfers open; a repeat chunk counts once', () => {
    const assembler = new ChunkAssembler(1024 * 1024, 2);
    const pieces = (id: number) => encodeFrame(JSON.stringify({ t: 'y'.repeat(3000) }), 1024, id);
    for (const id of [1, 2, 3]) assembler.add(asReceived(pieces(id)[0]!) as ArrayBuffer);
    expect(assembler.pending).toBe(2);
    const three = pieces(3).map((piece) => asReceived(piece) as ArrayBuffer);
    assembler.add(three[0]!); // again
    let text: string | undefined;
    for (const piece of three.slice(1)) text = assembler.add(piece) ?? text;
    expect(JSON.parse(text!)).toEqual({ t: 'y'.repeat(3000) });
  });

  test('bytes that are not UTF-8 are refused, not turned into replacement characters', () => {
    const assembler = new ChunkAssembler(1024 * 1024);
    const bad = (index: number) => {
      const bytes = new Uint8Array(HEADER_BYTES + 4).fill(0xff);
      const view = new DataView(bytes.buffer);
      view.setUint32(0, 9);
      view.setUint32(4, index);
      view.setUint32(8, 2);
      return bytes.buffer;
    };
    assembler.add(bad(0));
    expect(() => assembler.add(bad(1))).toThrow(TypeError);
  });
});
