import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer.ts';

describe('RingBuffer', () => {
  it('keeps values oldest first until it is full', () => {
    const buffer = new RingBuffer<number>(3);
    expect(buffer.toArray()).toEqual([]);
    expect(buffer.newest).toBeUndefined();
    buffer.push(1);
    buffer.push(2);
    expect(buffer.toArray()).toEqual([1, 2]);
    expect(buffer.newest).toBe(2);
    expect(buffer.length).toBe(2);
  });

  it('drops the oldest value for each new one once full', () => {
    const buffer = new RingBuffer<number>(3);
    for (let i = 1; i <= 7; i++) buffer.push(i);
    expect(buffer.toArray()).toEqual([5, 6, 7]);
    expect(buffer.newest).toBe(7);
    expect(buffer.length).toBe(3);
  });

  it('keeps undefined as a value (a sample with no number)', () => {
    const buffer = new RingBuffer<number | undefined>(2);
    buffer.push(undefined);
    buffer.push(4);
    expect(buffer.toArray()).toEqual([undefined, 4]);
  });

  it('empties on clear, and fills again from the start', () => {
    const buffer = new RingBuffer<string>(2);
    ['a', 'b', 'c'].forEach((value) => buffer.push(value));
    buffer.clear();
    expect(buffer.toArray()).toEqual([]);
    buffer.push('d');
    expect(buffer.toArray()).toEqual(['d']);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});
