import { describe, expect, it } from 'vitest';
import { formatValue, niceMax } from './format.ts';

describe('formatValue', () => {
  it.each([
    [2_345_678, 'bit/s', '2.35 Mbit/s'],
    [2_000_000, 'bit/s', '2 Mbit/s'],
    [456_400, 'bit/s', '456 kbit/s'],
    [999, 'bit/s', '999 bit/s'],
    [640, 'px', '640 px'],
    [19.46, 'fps', '19.5 fps'],
    [123.4, 'packets/s', '123 packets/s'],
    [63.97, 'packets/s', '64 packets/s'],
    [0.0042, 's', '0.004 s'],
    [3, '', '3'],
  ])('%d %s reads %s', (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it('shows a dash when there is no value', () => {
    expect(formatValue(undefined, 'bit/s')).toBe('–');
    expect(formatValue(null, 'px')).toBe('–');
    expect(formatValue(NaN, 'px')).toBe('–');
  });
});

describe('niceMax', () => {
  it.each([
    [730_000, 1_000_000],
    [1_000_000, 1_000_000],
    [1_200_000, 2_000_000],
    [21, 25],
    [30, 50],
    [640, 1_000],
    [0.004, 0.005],
  ])('rounds %d up to %d', (value, max) => {
    expect(niceMax(value)).toBeCloseTo(max, 10);
  });

  it('is 1 when nothing is above zero', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(-5)).toBe(1);
    expect(niceMax(NaN)).toBe(1);
  });
});
