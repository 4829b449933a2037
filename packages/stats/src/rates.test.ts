import { describe, expect, it } from 'vitest';
import { counterRate, numberField } from './rates.ts';

describe('counterRate', () => {
  const before = { timestamp: 1_000, bytesReceived: 10_000, packetsLost: 2 };

  it('divides the growth of a counter by the time between the reports, per second', () => {
    const after = { timestamp: 1_500, bytesReceived: 60_000 };
    expect(counterRate(before, after, 'bytesReceived')).toBe(100_000);
    expect(counterRate(before, after, 'bytesReceived', 8)).toBe(800_000);
  });

  it('is zero when the counter stood still', () => {
    expect(counterRate(before, { ...before, timestamp: 2_000 }, 'bytesReceived')).toBe(0);
  });

  it('has no value without an earlier report', () => {
    expect(counterRate(undefined, before, 'bytesReceived')).toBeUndefined();
  });

  it('has no value when a report lacks the field or it is not a number', () => {
    expect(counterRate(before, { timestamp: 2_000 }, 'bytesReceived')).toBeUndefined();
    expect(counterRate({ timestamp: 0 }, before, 'bytesReceived')).toBeUndefined();
    expect(counterRate(before, { timestamp: 2_000, bytesReceived: '9' }, 'bytesReceived')).toBe(
      undefined,
    );
  });

  it('has no value when the counter went down (its stream was replaced)', () => {
    const reset = { timestamp: 2_000, bytesReceived: 500 };
    expect(counterRate(before, reset, 'bytesReceived')).toBeUndefined();
  });

  it('has no value when no time passed, or time went backwards', () => {
    expect(counterRate(before, { ...before, bytesReceived: 20_000 }, 'bytesReceived')).toBe(
      undefined,
    );
    const earlier = { timestamp: 500, bytesReceived: 20_000 };
    expect(counterRate(before, earlier, 'bytesReceived')).toBeUndefined();
  });
});

describe('numberField', () => {
  it('reads finite numbers only', () => {
    const stats = { timestamp: 1, frameWidth: 640, codecId: 'C1', jitter: NaN };
    expect(numberField(stats, 'frameWidth')).toBe(640);
    expect(numberField(stats, 'codecId')).toBeUndefined();
    expect(numberField(stats, 'jitter')).toBeUndefined();
    expect(numberField(stats, 'missing')).toBeUndefined();
    expect(numberField(undefined, 'frameWidth')).toBeUndefined();
  });
});
