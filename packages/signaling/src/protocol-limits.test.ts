import { describe, expect, test } from 'vitest';
import { ROOM_CAPACITY, ROOM_NAME_PATTERN, ROOM_NAME_RULE } from './protocol-limits.ts';

describe('ROOM_NAME_PATTERN', () => {
  test.each([
    ['lab', true],
    ['Room_2.b-c', true],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['', false],
    ['-lab', false],
    ['.hidden', false],
    ['../etc', false],
    ['lab\n', false],
    ['lab one', false],
    ['été', false],
  ])('%j → %s', (name, valid) => {
    expect(ROOM_NAME_PATTERN.test(name)).toBe(valid);
  });

  test('the rule in words names the same limits', () => {
    expect(ROOM_NAME_RULE).toContain('1–64');
  });
});

test('room capacities: the default fits under the maximum, the maximum under the ceiling', () => {
  expect(ROOM_CAPACITY.min).toBeLessThanOrEqual(ROOM_CAPACITY.default);
  expect(ROOM_CAPACITY.default).toBeLessThanOrEqual(ROOM_CAPACITY.max);
  expect(ROOM_CAPACITY.max).toBeLessThanOrEqual(ROOM_CAPACITY.ceiling);
});
