import { describe, expect, it } from 'vitest';
import { bytesPerSecond, type ByteCounts } from './byte-rates.ts';

const counts = (textSent: number, textReceived: number, videoSent: number, videoReceived: number) =>
  ({ textSent, textReceived, videoSent, videoReceived }) satisfies ByteCounts;

describe('bytesPerSecond', () => {
  it('divides what each counter gained by the seconds between the readings', () => {
    expect(bytesPerSecond(counts(0, 0, 0, 0), counts(100, 200, 300, 400), 2)).toEqual(
      counts(50, 100, 150, 200),
    );
  });

  it('never goes negative when a connection (and its counters) went away', () => {
    expect(bytesPerSecond(counts(500, 500, 500, 500), counts(100, 600, 0, 500), 1)).toEqual(
      counts(0, 100, 0, 0),
    );
  });

  it('gives 0 when no time passed', () => {
    expect(bytesPerSecond(counts(0, 0, 0, 0), counts(10, 10, 10, 10), 0)).toEqual(
      counts(0, 0, 0, 0),
    );
  });
});
