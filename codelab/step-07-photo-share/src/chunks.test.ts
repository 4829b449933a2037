import { describe, expect, it } from 'vitest';
import { chunkRanges, chunkSizeFor, formatBytes, MAX_CHUNK_BYTES } from './chunks.ts';

describe('chunkSizeFor', () => {
  it('takes the largest message the other side accepts, up to 64 KiB', () => {
    expect(chunkSizeFor(262_144)).toBe(MAX_CHUNK_BYTES); // Chromium's maxMessageSize
    expect(chunkSizeFor(16_384)).toBe(16_384);
    expect(chunkSizeFor(Infinity)).toBe(MAX_CHUNK_BYTES); // "no limit" is still capped
  });

  it('falls back to 16 KiB while the connection does not say', () => {
    expect(chunkSizeFor(undefined)).toBe(16_384);
    expect(chunkSizeFor(0)).toBe(16_384);
  });
});

describe('chunkRanges', () => {
  it('cuts the bytes in full chunks and a shorter last one', () => {
    expect([...chunkRanges(10, 4)]).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
  });

  it('makes no short chunk when the size is a multiple of the chunk size', () => {
    expect([...chunkRanges(8, 4)]).toEqual([
      [0, 4],
      [4, 8],
    ]);
  });

  it('makes one chunk for a small photo and none for nothing', () => {
    expect([...chunkRanges(3, 65_536)]).toEqual([[0, 3]]);
    expect([...chunkRanges(0, 65_536)]).toEqual([]);
  });

  it('covers every byte exactly once', () => {
    const size = 3_587_881;
    const ranges = [...chunkRanges(size, 65_536)];
    expect(ranges).toHaveLength(Math.ceil(size / 65_536));
    expect(ranges.reduce((sum, [start, end]) => sum + end - start, 0)).toBe(size);
    ranges.slice(1).forEach(([start], i) => expect(start).toBe(ranges[i]![1]));
  });
});

describe('formatBytes', () => {
  it('uses B, kB and MB', () => {
    expect(formatBytes(980)).toBe('980 B');
    expect(formatBytes(45_123)).toBe('45.1 kB');
    expect(formatBytes(1_228_800)).toBe('1.23 MB'); // 640 × 480 × 4: a raw RGBA frame
  });
});
