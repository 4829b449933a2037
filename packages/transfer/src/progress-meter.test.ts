import { describe, expect, test } from 'vitest';
import { describeProgress, formatBytes } from './format-progress.ts';
import { ProgressMeter } from './progress-meter.ts';

const MiB = 1024 * 1024;

describe('ProgressMeter', () => {
  test('measures over a sliding window, so a slowdown shows at once', () => {
    let now = 0;
    const meter = new ProgressMeter(1, 100 * MiB, 0, () => now, 3000);
    for (let second = 1; second <= 5; second++) {
      now = second * 1000;
      meter.add(10 * MiB);
    }
    expect(meter.bytesPerSecond).toBeCloseTo(10 * MiB);
    for (let second = 6; second <= 9; second++) {
      now = second * 1000;
      meter.add(1 * MiB);
    }
    // The last 3 s saw 1 MiB/s, whatever came before.
    expect(meter.bytesPerSecond).toBeCloseTo(1 * MiB);
    expect(meter.snapshot()).toMatchObject({ done: 54 * MiB, secondsLeft: 46 });
  });

  test('a resumed transfer starts at what was kept, and says so', () => {
    let now = 0;
    const meter = new ProgressMeter(1, 64 * MiB, 32 * MiB, () => now);
    expect(meter.snapshot()).toMatchObject({
      done: 32 * MiB,
      resumedPercent: 50,
      secondsLeft: undefined,
    });
    now = 1000;
    meter.add(16 * MiB);
    expect(describeProgress(meter.snapshot())).toBe(
      '48.0 MiB of 64.0 MiB · 16.0 MiB/s · 1 s left · resumed from 50 %',
    );
  });

  test('formatBytes', () => {
    expect([0, 1023, 1024, 1536, 10 * MiB, 5 * 1024 * MiB].map(formatBytes)).toEqual([
      '0 B',
      '1023 B',
      '1.00 KiB',
      '1.50 KiB',
      '10.0 MiB',
      '5.00 GiB',
    ]);
  });
});
