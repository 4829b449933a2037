import { describe, expect, test } from 'vitest';
import { formatDuration, percent, stateWords } from './progress-words.ts';

const MiB = 1024 * 1024;

describe('stateWords', () => {
  test('a file on its way: bytes, throughput and time left', () => {
    const words = stateWords({
      kind: 'moving',
      done: 4 * MiB,
      size: 10 * MiB,
      bytesPerSecond: 2 * MiB,
      resumedFrom: 0,
    });
    expect(words).toBe('4.00 MiB of 10.0 MiB · 2.00 MiB/s · 3 s left');
  });

  test('a resumed file says from where, first', () => {
    const words = stateWords({
      kind: 'moving',
      done: 63 * MiB,
      size: 100 * MiB,
      bytesPerSecond: 0,
      resumedFrom: 63 * MiB,
    });
    expect(words).toBe('resuming from 63 % · 63.0 MiB of 100.0 MiB');
  });

  test('the states without numbers', () => {
    expect(stateWords({ kind: 'waiting' })).toBe('waiting for the receiver');
    expect(stateWords({ kind: 'complete' })).toBe('complete, SHA-256 verified');
    expect(stateWords({ kind: 'interrupted' })).toMatch(/^connection dropped: it resumes/);
  });
});

describe('percent and formatDuration', () => {
  test('percent rounds down, so an unfinished file never shows 100', () => {
    expect(percent(999, 1000)).toBe(99);
    expect(percent(0, 0)).toBe(100);
  });

  test('durations: seconds, minutes, hours; nonsense as "?"', () => {
    expect(formatDuration(0.2)).toBe('1 s');
    expect(formatDuration(59)).toBe('59 s');
    expect(formatDuration(125)).toBe('2 min');
    expect(formatDuration(3 * 3600 + 20 * 60)).toBe('3 h 20 min');
    expect(formatDuration(Infinity)).toBe('?');
  });
});
